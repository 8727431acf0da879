using Polly.Timeout;
using Thirty3.Web.Shared;

namespace Thirty3.Web.Tests.Helpers;

public sealed class DirectoryErrorsTests
{
    [Fact]
    public void IsUnavailable_TransportFailure_True() => Assert.True(DirectoryErrors.IsUnavailable(new HttpRequestException("refused")));

    [Fact]
    public void IsUnavailable_ResilienceTimeout_True() => Assert.True(DirectoryErrors.IsUnavailable(new TimeoutRejectedException()));

    [Fact]
    public void IsUnavailable_CancelledWhileVisitorStillThere_True() =>
        Assert.True(DirectoryErrors.IsUnavailable(new TaskCanceledException(), CancellationToken.None));

    [Fact]
    public void IsUnavailable_VisitorWentAway_False()
    {
        using var aborted = new CancellationTokenSource();
        aborted.Cancel();

        Assert.False(DirectoryErrors.IsUnavailable(new OperationCanceledException(aborted.Token), aborted.Token));
    }

    [Fact]
    public void IsUnavailable_ProgrammingError_False() => Assert.False(DirectoryErrors.IsUnavailable(new NullReferenceException()));
}
