using System.Globalization;
using System.Text;
using Thirty3.Domain.Organisations;
using Thirty3.Domain.Technologies;

namespace Thirty3.SampleData;

/// <summary>
/// Realistic technology estates (City Tools inventories) for all 33 London boroughs: real market products
/// and suppliers, shared across boroughs, with contract dates spread so that many end within the next
/// 6–24 months, which is what coalitions of boroughs look for. Deterministic from the seed.
/// </summary>
public static class TechnologySampleGenerator
{
    /// <summary>The <see cref="TechnologyEntryInput.Source"/> of every generated entry.</summary>
    public const string Source = "sample";

    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private static readonly string[] Hostings = ["on-premises", "cloud", "saas", "hybrid"];

    /// <summary>25–45 entries for each London borough (<see cref="TechnologyEntryInput.Borough"/> is its GSS code), borough by borough.</summary>
    /// <param name="seed">Same seed, same estates.</param>
    /// <param name="today">The day contract dates and verification dates are relative to.</param>
    public static IReadOnlyList<TechnologyEntryInput> Generate(int seed, DateOnly today)
    {
        var entries = new List<TechnologyEntryInput>(33 * 40);
        var functions = TechnologyCatalogue.Functions;
        for (var b = 0; b < LondonBoroughs.All.Count; b++)
        {
            var borough = LondonBoroughs.All[b];
            var rng = new Random(unchecked((int)Vocabulary.Mix((uint)seed, (uint)(1_000_000 + b))));
            // The City of London runs a smaller estate; the largest boroughs spend more on the same systems.
            var scale = borough.GssCode == "E09000001" ? 0.5 : 0.7 + (rng.NextDouble() * 0.7);
            var target = borough.GssCode == "E09000001" ? 25 + rng.Next(5) : 30 + rng.Next(16);

            var chosen = new List<FunctionSpec>(functions.Length);
            var optional = new List<FunctionSpec>(functions.Length);
            foreach (var f in functions)
            {
                (f.Core ? chosen : optional).Add(f);
            }
            Shuffle(optional, rng);
            for (var i = 0; chosen.Count < target && i < optional.Count; i++)
            {
                chosen.Add(optional[i]);
            }
            if (chosen.Count > target)
            {
                Shuffle(chosen, rng);
                chosen.RemoveRange(target, chosen.Count - target);
            }
            chosen.Sort((x, y) => Array.IndexOf(functions, x) - Array.IndexOf(functions, y));

            var familyChoice = new Dictionary<string, int>(StringComparer.Ordinal);
            var familyContract = new Dictionary<string, TechnologyEntryInput>(StringComparer.Ordinal);
            foreach (var f in chosen)
            {
                int productIndex;
                if (f.Family is null)
                {
                    productIndex = PickWeighted(f.Products, rng);
                }
                else if (!familyChoice.TryGetValue(f.Family, out productIndex))
                {
                    productIndex = PickWeighted(f.Products, rng);
                    familyChoice[f.Family] = productIndex;
                }
                var entry = Entry(borough, f, f.Products[productIndex], scale, today, rng);
                if (f.Family is not null)
                {
                    // One system, one contract: the family's later functions share the first one's dates.
                    if (familyContract.TryGetValue(f.Family, out var contract))
                    {
                        entry = entry with
                        {
                            ContractStart = contract.ContractStart,
                            ContractEnd = contract.ContractEnd,
                            ContractMaxExtension = contract.ContractMaxExtension,
                            TotalValue = entry.AnnualValue is { } a && contract.TotalValue is not null && contract.AnnualValue is { } ca && ca != 0
                                ? Math.Round(a * (contract.TotalValue.Value / ca))
                                : entry.TotalValue,
                        };
                    }
                    else
                    {
                        familyContract[f.Family] = entry;
                    }
                }
                entries.Add(entry);
            }
        }
        return entries;
    }

    private static TechnologyEntryInput Entry(Council borough, FunctionSpec f, ProductOption product, double scale, DateOnly today, Random rng)
    {
        // Where in its life the contract is: a good third end in 6–24 months (coalition candidates).
        var roll = rng.Next(100);
        var end = roll switch
        {
            < 35 => today.AddDays(183 + rng.Next(548)),
            < 45 => today.AddDays(1 + rng.Next(182)),
            < 55 => today.AddDays(-1 - rng.Next(365)),
            _ => today.AddDays(731 + rng.Next(1825)),
        };
        int[] terms = [3, 3, 4, 5, 5, 5, 7, 10];
        var years = terms[rng.Next(terms.Length)];
        var start = end.AddYears(-years).AddDays(1);
        var latestStart = today.AddDays(-30 - rng.Next(300));
        if (start > latestStart)
        {
            start = latestStart;
        }
        DateOnly? extension = rng.Next(100) < 50 ? end.AddYears(1 + rng.Next(2)) : null;

        var annual = Math.Exp(Math.Log(f.AnnualMin) + (rng.NextDouble() * (Math.Log(f.AnnualMax) - Math.Log(f.AnnualMin)))) * scale;
        var annualValue = Math.Max(500m, Math.Round((decimal)annual / 500m) * 500m);
        var termYears = (decimal)Math.Max(1, Math.Round((end.DayNumber - start.DayNumber) / 365.25));
        var valuesKnown = rng.Next(100) >= 10;

        var hosting = rng.Next(100) < 80 ? product.Hosting : Hostings[rng.Next(Hostings.Length)];
        var supplierHash = Fnv(product.Supplier);
        var supplierId = supplierHash % 5 < 3 ? $"GB-COH-0{(supplierHash % 10_000_000):D7}" : null;

        return new TechnologyEntryInput
        {
            Borough = borough.GssCode,
            ServiceArea = f.ServiceArea,
            Function = f.Function,
            Product = product.Product,
            Supplier = product.Supplier,
            SupplierId = supplierId,
            ContractStart = rng.Next(100) < 95 ? start : null,
            ContractEnd = end,
            ContractMaxExtension = extension,
            AnnualValue = valuesKnown ? annualValue : null,
            TotalValue = valuesKnown ? annualValue * termYears : null,
            Hosting = hosting,
            Notes = rng.Next(100) < 30 ? TechnologyCatalogue.Notes[rng.Next(TechnologyCatalogue.Notes.Length)] : null,
            Source = Source,
            LastVerified = new DateTimeOffset(today.AddDays(-rng.Next(365)).ToDateTime(new TimeOnly(9 + rng.Next(8), rng.Next(60))), TimeSpan.Zero),
        };
    }

    /// <summary>
    /// The entries as a City Tools CSV (<see cref="CityToolsCsv.Header"/>, then one line per entry): ISO dates,
    /// invariant-culture numbers, RFC 4180 quoting, LF line ends.
    /// </summary>
    public static string ToCityToolsCsv(IEnumerable<TechnologyEntryInput> entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        var sb = new StringBuilder(CityToolsCsv.Header.Length * 64);
        sb.Append(CityToolsCsv.Header).Append('\n');
        foreach (var e in entries)
        {
            Field(sb, e.Borough).Append(',');
            Field(sb, e.ServiceArea).Append(',');
            Field(sb, e.Function).Append(',');
            Field(sb, e.Product).Append(',');
            Field(sb, e.Supplier).Append(',');
            Field(sb, e.SupplierId).Append(',');
            Field(sb, Date(e.ContractStart)).Append(',');
            Field(sb, Date(e.ContractEnd)).Append(',');
            Field(sb, Date(e.ContractMaxExtension)).Append(',');
            Field(sb, e.AnnualValue?.ToString(Inv)).Append(',');
            Field(sb, e.TotalValue?.ToString(Inv)).Append(',');
            Field(sb, e.Hosting).Append(',');
            Field(sb, e.Notes).Append(',');
            Field(sb, e.Source).Append(',');
            Field(sb, e.LastVerified?.UtcDateTime.ToString(CityToolsCsv.DateFormat, Inv));
            sb.Append('\n');
        }
        return sb.ToString();

        static string? Date(DateOnly? d) => d?.ToString(CityToolsCsv.DateFormat, Inv);
    }

    private static StringBuilder Field(StringBuilder sb, string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return sb;
        }
        if (value.AsSpan().IndexOfAny(",\"\r\n") < 0)
        {
            return sb.Append(value);
        }
        return sb.Append('"').Append(value.Replace("\"", "\"\"", StringComparison.Ordinal)).Append('"');
    }

    private static int PickWeighted(ProductOption[] products, Random rng)
    {
        var total = 0;
        foreach (var p in products)
        {
            total += p.Weight;
        }
        var roll = rng.Next(total);
        for (var i = 0; i < products.Length; i++)
        {
            roll -= products[i].Weight;
            if (roll < 0)
            {
                return i;
            }
        }
        return products.Length - 1;
    }

    private static void Shuffle<T>(List<T> list, Random rng)
    {
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = rng.Next(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }
    }

    /// <summary>FNV-1a of a name: a stable synthetic id per supplier (not its real company number).</summary>
    private static uint Fnv(string text)
    {
        var hash = 2166136261u;
        foreach (var c in text)
        {
            hash = (hash ^ c) * 16777619u;
        }
        return hash;
    }
}
