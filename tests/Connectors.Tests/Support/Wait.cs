namespace Thirty3.Connectors.Tests.Support;

public static class Wait
{
    /// <summary>Polls <paramref name="condition"/> until it holds or the deadline passes (no fixed sleeps).</summary>
    public static async Task UntilAsync(Func<bool> condition, TimeSpan deadline, string what)
    {
        var until = DateTime.UtcNow + deadline;
        while (!condition())
        {
            if (DateTime.UtcNow > until)
            {
                throw new TimeoutException($"Timed out waiting for {what}.");
            }
            await Task.Delay(20);
        }
    }
}
