using System.Globalization;
using System.Text;
using Thirty3.Domain.Organisations;
using Thirty3.Domain.Technologies;

namespace Thirty3.SampleData.Tests;

public sealed class TechnologySampleGeneratorTests
{
    private static readonly DateOnly Today = new(2025, 6, 1);

    [Fact]
    public void Generate_SameSeed_IdenticalOutput()
    {
        Assert.Equal(TechnologySampleGenerator.Generate(3, Today), TechnologySampleGenerator.Generate(3, Today));
    }

    [Fact]
    public void Generate_DifferentSeeds_Differ()
    {
        Assert.NotEqual(TechnologySampleGenerator.Generate(3, Today), TechnologySampleGenerator.Generate(4, Today));
    }

    [Fact]
    public void Generate_AllBoroughs_HaveRealisticEstates()
    {
        var entries = TechnologySampleGenerator.Generate(1, Today);

        var byBorough = entries.GroupBy(e => e.Borough!).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(LondonBoroughs.All.Select(c => c.GssCode).Order(), byBorough.Keys.Order());
        Assert.All(byBorough.Values, count => Assert.InRange(count, 25, 45));
        Assert.All(entries, e =>
        {
            Assert.Equal(TechnologySampleGenerator.Source, e.Source);
            Assert.False(string.IsNullOrEmpty(e.ServiceArea));
            Assert.False(string.IsNullOrEmpty(e.Function));
            Assert.False(string.IsNullOrEmpty(e.Product));
            Assert.False(string.IsNullOrEmpty(e.Supplier));
            Assert.Contains(e.Hosting, new[] { "on-premises", "cloud", "saas", "hybrid" });
            Assert.True(e.ContractStart is null || e.ContractStart < e.ContractEnd);
            Assert.True(e.ContractMaxExtension is null || e.ContractMaxExtension > e.ContractEnd);
            Assert.InRange(e.LastVerified!.Value, new DateTimeOffset(Today.AddDays(-366).ToDateTime(TimeOnly.MinValue), TimeSpan.Zero), new DateTimeOffset(Today.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero).AddDays(1));
        });
    }

    [Fact]
    public void Generate_Products_SharedAcrossBoroughs()
    {
        var entries = TechnologySampleGenerator.Generate(1, Today);

        var widelyUsed = entries
            .GroupBy(e => (e.Product, e.Supplier))
            .Count(g => g.Select(e => e.Borough).Distinct().Count() >= 5);
        Assert.True(widelyUsed >= 5, $"only {widelyUsed} products are used by 5+ boroughs");
    }

    [Fact]
    public void Generate_ContractEnds_ManyWithinNext6To24Months()
    {
        var entries = TechnologySampleGenerator.Generate(1, Today);

        var soon = entries.Count(e => e.ContractEnd >= Today.AddMonths(6) && e.ContractEnd <= Today.AddMonths(24));
        Assert.InRange(soon / (double)entries.Count, 0.2, 0.6);
    }

    [Fact]
    public void ToCityToolsCsv_Entries_HeaderAndFieldsRoundTrip()
    {
        var entries = TechnologySampleGenerator.Generate(1, Today).Take(40).Append(new TechnologyEntryInput
        {
            Borough = "E09000022",
            ServiceArea = "Corporate",
            Function = "CRM",
            Product = "Case \"360\" Suite",
            Supplier = "Smith, Jones & Partners Ltd",
            SupplierId = "GB-COH-01234567",
            ContractStart = new DateOnly(2023, 4, 1),
            ContractEnd = new DateOnly(2026, 3, 31),
            AnnualValue = 125000.5m,
            TotalValue = 375001.5m,
            Hosting = "saas",
            Notes = "First line\nsecond line, with a comma",
            Source = "sample",
            LastVerified = new DateTimeOffset(2025, 5, 1, 10, 0, 0, TimeSpan.Zero),
        }).ToList();

        var csv = TechnologySampleGenerator.ToCityToolsCsv(entries);
        var rows = ParseCsv(csv);

        Assert.Equal(CityToolsCsv.Header, csv[..csv.IndexOf('\n', StringComparison.Ordinal)]);
        Assert.Equal(CityToolsCsv.Columns, rows[0]);
        Assert.Equal(entries.Count + 1, rows.Count);
        Assert.All(rows, r => Assert.Equal(15, r.Count));
        for (var i = 0; i < entries.Count; i++)
        {
            var e = entries[i];
            var r = rows[i + 1];
            Assert.Equal(e.Borough, r[0]);
            Assert.Equal(e.Product, r[3]);
            Assert.Equal(e.Supplier, r[4]);
            Assert.Equal(e.ContractEnd?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) ?? "", r[7]);
            Assert.Equal(e.AnnualValue?.ToString(CultureInfo.InvariantCulture) ?? "", r[9]);
            Assert.Equal(e.Notes ?? "", r[12]);
        }
        var last = rows[^1];
        Assert.Equal("Smith, Jones & Partners Ltd", last[4]);
        Assert.Equal("Case \"360\" Suite", last[3]);
        Assert.Equal("125000.5", last[9]);
        Assert.Equal("2025-05-01", last[14]);
        Assert.Contains("\"Smith, Jones & Partners Ltd\"", csv, StringComparison.Ordinal);
        Assert.Contains("\"Case \"\"360\"\" Suite\"", csv, StringComparison.Ordinal);
    }

    /// <summary>A minimal RFC 4180 reader, enough to check what the writer wrote.</summary>
    private static List<List<string>> ParseCsv(string csv)
    {
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < csv.Length; i++)
        {
            var c = csv[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < csv.Length && csv[i + 1] == '"')
                {
                    field.Append('"');
                    i++;
                }
                else if (c == '"')
                {
                    quoted = false;
                }
                else
                {
                    field.Append(c);
                }
            }
            else if (c == '"')
            {
                quoted = true;
            }
            else if (c == ',')
            {
                row.Add(field.ToString());
                field.Clear();
            }
            else if (c == '\n')
            {
                row.Add(field.ToString());
                field.Clear();
                rows.Add(row);
                row = [];
            }
            else if (c != '\r')
            {
                field.Append(c);
            }
        }
        if (field.Length > 0 || row.Count > 0)
        {
            row.Add(field.ToString());
            rows.Add(row);
        }
        return rows;
    }
}
