using System.Security.Cryptography;
using System.Text;
using Thirty3.Connectors.Scheduling;
using Thirty3.DirectoryClient;
using Thirty3.Domain.Technologies;

namespace Thirty3.Connectors.Inventories;

/// <summary>
/// Turns a council's contract register (published under the Local Government Transparency Code) into
/// technology entries. Registers differ in their column names, so each source maps its own
/// (<see cref="SourceOptions.Columns"/>: Supplier, Description, StartDate, EndDate, Value, Cpv, Reference,
/// ServiceArea). Only ICT contracts are kept: CPV division 48 (software) or 72 (IT services), or a
/// description containing one of <see cref="SourceOptions.IctKeywords"/>.
/// </summary>
public sealed class ContractRegisterConnector(InventoryFiles files, IDirectoryApi directory, ILogger<ContractRegisterConnector> logger) : ISourceConnector
{
    public async Task RunAsync(SourceRun run, CancellationToken cancellationToken)
    {
        foreach (var file in await files.ReadAsync(run, [".csv"], cancellationToken))
        {
            if (run.Checkpoint.Hashes.Contains(file.Hash))
            {
                continue;
            }
            var entries = Read(file.Content, run.Name, run.Options);
            run.CountFetched(entries.Count);
            if (entries.Count > 0)
            {
                run.Acknowledge(entries.Count, await directory.IngestTechnologiesAsync(entries, run.Name, cancellationToken), logger);
            }
            ConnectorLog.UnitDone(logger, run.Name, file.Name, entries.Count);
            await run.AdvanceAsync(run.Checkpoint with { Hashes = [.. run.Checkpoint.Hashes.Where(h => !h.StartsWith(file.Name + ":", StringComparison.Ordinal)).Append(file.Hash)] }, cancellationToken);
        }
    }

    public static IReadOnlyList<TechnologyEntryInput> Read(byte[] csv, string source, SourceOptions options)
    {
        var entries = new List<TechnologyEntryInput>();
        foreach (var row in CsvTable.Read(csv))
        {
            string? Field(string key) => options.Columns.TryGetValue(key, out var column) && row.TryGetValue(column.Trim(), out var value) ? Cells.Text(value) : null;
            var description = Field("Description");
            var supplier = Field("Supplier");
            var cpv = Field("Cpv");
            var kind = IctKind(cpv, description, options.IctKeywords.Length > 0 ? options.IctKeywords : SourceOptions.DefaultIctKeywords);
            if (kind is null || supplier is null || description is null)
            {
                continue;
            }
            var reference = Field("Reference") ?? Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes($"{supplier}|{description}|{Field("StartDate")}")))[..16];
            entries.Add(new TechnologyEntryInput
            {
                Id = $"{source}:{reference}",
                Borough = options.Borough,
                ServiceArea = Field("ServiceArea") ?? "Unspecified",
                Function = kind,
                Product = description.Length > 200 ? description[..200] : description,
                Supplier = supplier,
                ContractStart = Cells.Date(Field("StartDate")),
                ContractEnd = Cells.Date(Field("EndDate")),
                TotalValue = Cells.Money(Field("Value")),
                Notes = description,
                Source = source,
            });
        }
        return entries;
    }

    /// <summary>"Software" (CPV 48), "IT services" (CPV 72), "ICT" (keyword), or null when not an ICT contract.</summary>
    public static string? IctKind(string? cpv, string? description, IEnumerable<string> keywords)
    {
        var digits = new string((cpv ?? "").TakeWhile(c => char.IsDigit(c) || c == ' ').Where(char.IsDigit).ToArray());
        if (digits.StartsWith("48", StringComparison.Ordinal))
        {
            return "Software";
        }
        if (digits.StartsWith("72", StringComparison.Ordinal))
        {
            return "IT services";
        }
        if (description is not null && keywords.Any(k => ContainsWord(description, k)))
        {
            return "ICT";
        }
        return null;
    }

    private static bool ContainsWord(string text, string keyword)
    {
        var index = text.IndexOf(keyword, StringComparison.OrdinalIgnoreCase);
        while (index >= 0)
        {
            var before = index == 0 || !char.IsLetterOrDigit(text[index - 1]);
            var end = index + keyword.Length;
            var after = end >= text.Length || !char.IsLetterOrDigit(text[end]);
            if (before && after)
            {
                return true;
            }
            index = text.IndexOf(keyword, index + 1, StringComparison.OrdinalIgnoreCase);
        }
        return false;
    }
}
