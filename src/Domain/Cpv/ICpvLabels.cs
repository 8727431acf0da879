namespace Thirty3.Domain.Cpv;

/// <summary>Looks up the English label of a CPV code.</summary>
public interface ICpvLabels
{
    /// <summary>The label of <paramref name="code"/>, or null when unknown.</summary>
    string? Find(string code);
}

/// <summary>Labels held in memory: the seeded divisions plus whatever was learned or imported.</summary>
public sealed class CpvLabelCache : ICpvLabels
{
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> _labels = new(CpvDivisions.Labels);

    public string? Find(string code) => _labels.GetValueOrDefault(code);

    /// <summary>Adds or replaces a label; returns true when it was new.</summary>
    public bool Set(string code, string label)
    {
        var isNew = !_labels.ContainsKey(code);
        _labels[code] = label;
        return isNew;
    }

    /// <summary>Adds a label only if none is known (labels learned from notices never override imported ones).</summary>
    public bool Learn(string code, string label) => _labels.TryAdd(code, label);

    public int Count => _labels.Count;
}
