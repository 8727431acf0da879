namespace Thirty3.Search.Lucene;

/// <summary>Damerau-Levenshtein (adjacent transpositions) bounded check, as FuzzyQuery counts edits.</summary>
internal static class EditDistance
{
    public static bool Within(string a, string b, int maxEdits)
    {
        if (Math.Abs(a.Length - b.Length) > maxEdits)
        {
            return false;
        }
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }
        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }
        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }
        return d[a.Length, b.Length] <= maxEdits;
    }
}
