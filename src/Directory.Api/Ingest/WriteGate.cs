namespace Thirty3.DirectoryApi.Ingest;

/// <summary>
/// Serialises ingest transactions within this process. SQLite has one writer at a time anyway;
/// queueing here instead of in SQLite's busy loop keeps latency fair and avoids busy errors.
/// </summary>
public sealed class WriteGate
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<IDisposable> EnterAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken);
        return new Releaser(_gate);
    }

    private sealed class Releaser(SemaphoreSlim gate) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                gate.Release();
            }
        }
    }
}
