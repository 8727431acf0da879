using System.Net;
using Thirty3.DirectoryApi.Tests.Infrastructure;

namespace Thirty3.DirectoryApi.Tests.Limits;

public sealed class RateLimitTests : IDisposable
{
    private readonly DirectoryApiFactory _factory = new();

    public RateLimitTests()
    {
        _factory.ExtraSettings["RateLimits:ReadsPerAddressPerSecond"] = "3";
        _factory.ExtraSettings["RateLimits:ReadsPerKeyPerSecond"] = "1000";
        _factory.ExtraSettings["RateLimits:WritesPerKeyPerMinute"] = "2";
    }

    public void Dispose()
    {
        _factory.Dispose();
        _factory.DeleteData();
    }

    private static async Task AssertTooManyAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.TooManyRequests, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.True(response.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1), $"Retry-After: {response.Headers.RetryAfter}");
        Assert.Contains("\"status\":429", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Reads_OverLimitPerAddress_429WithRetryAfter()
    {
        var client = _factory.CreateClient();
        var statuses = new List<HttpResponseMessage>();
        for (var i = 0; i < 10; i++)
        {
            statuses.Add(await client.GetAsync("/api/stats"));
        }

        Assert.Contains(statuses, r => r.StatusCode == HttpStatusCode.OK);
        await AssertTooManyAsync(statuses.First(r => r.StatusCode != HttpStatusCode.OK));
        // Health probes are never limited.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
    }

    [Fact]
    public async Task Writes_OverLimitPerKey_429ForThatKeyOnly()
    {
        var first = await _factory.CreatePublisherClientAsync(name: "first");
        var second = await _factory.CreatePublisherClientAsync(name: "second");
        HttpContent Body(int i) => DirectoryApiFactory.Json(Notices.Package(Notices.Tender($"ocds-rl-{i}", "T")));

        var a = await first.PostAsync("/api/ingest/releases", Body(1));
        var b = await first.PostAsync("/api/ingest/releases", Body(2));
        var c = await first.PostAsync("/api/ingest/releases", Body(3));
        var other = await second.PostAsync("/api/ingest/releases", Body(4));

        Assert.Equal(HttpStatusCode.OK, a.StatusCode);
        Assert.Equal(HttpStatusCode.OK, b.StatusCode);
        await AssertTooManyAsync(c);
        Assert.True(c.Headers.RetryAfter!.Delta <= TimeSpan.FromSeconds(60));
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }

    [Fact]
    public async Task Start_InvalidLimit_FailsWithClearMessage()
    {
        using var bad = new DirectoryApiFactory();
        bad.ExtraSettings["RateLimits:WritesPerKeyPerMinute"] = "0";

        var error = await Assert.ThrowsAnyAsync<Exception>(() => Task.FromResult(bad.CreateClient()));

        Assert.Contains("WritesPerKeyPerMinute", error.ToString(), StringComparison.Ordinal);
        bad.DeleteData();
    }
}
