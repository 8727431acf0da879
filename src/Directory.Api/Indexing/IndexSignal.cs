namespace Thirty3.DirectoryApi.Indexing;

/// <summary>
/// Wakes the projector when a transaction has queued documents, so a write is searchable within
/// milliseconds rather than at the next poll; the poll remains as the safety net.
/// </summary>
public sealed class IndexSignal
{
    private readonly SemaphoreSlim _pending = new(0, 1);

    public void Notify()
    {
        try
        {
            _pending.Release();
        }
        catch (SemaphoreFullException)
        {
            // Already signalled: the projector will drain everything queued so far anyway.
        }
    }

    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) => _pending.WaitAsync(timeout, cancellationToken);
}
