using System.Net;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Thirty3.DirectoryApi.Store;
using Thirty3.DirectoryApi.Tests.Infrastructure;

namespace Thirty3.DirectoryApi.Tests.Idempotency;

/// <summary>Runs against every store: SQLite always, PostgreSQL when <c>THIRTY3_TEST_POSTGRES</c> is set.</summary>
public abstract class IdempotencyTests(DirectoryApiFactory factory) : IDisposable
{
    private readonly DirectoryApiFactory _factory = factory;

    public void Dispose()
    {
        _factory.Dispose();
        _factory.DeleteData();
    }

    private static HttpRequestMessage Push(string idempotencyKey, string body) => new(HttpMethod.Post, "/api/ingest/releases")
    {
        Content = DirectoryApiFactory.Json(body),
        Headers = { { "Idempotency-Key", idempotencyKey } },
    };

    private async Task<int> ReleaseCountAsync(string ocid)
    {
        await using var scope = _factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DirectoryDbContext>().Releases.CountAsync(r => r.Ocid == ocid);
    }

    [SkippableFact]
    public async Task Push_SameKeySameBody_FirstAnswerReplayed()
    {
        var client = await _factory.CreatePublisherClientAsync();
        var body = Notices.Package(Notices.Tender("ocds-id-1", "T"));

        var first = await client.SendAsync(Push("k-1", body));
        var second = await client.SendAsync(Push("k-1", body));
        var withoutKey = await client.PostAsync("/api/ingest/releases", DirectoryApiFactory.Json(body));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(first.StatusCode, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Contains("\"stored\"", await second.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.True(second.Headers.Contains("Idempotent-Replayed"));
        Assert.Contains("\"unchanged\"", await withoutKey.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    [SkippableFact]
    public async Task Push_SameKeySameBodyRejected_SameStatusReplayed()
    {
        var client = await _factory.CreatePublisherClientAsync(allowedBuyers: "GB-CFS-2");
        var body = Notices.Package(Notices.Tender("ocds-id-2", "T"));

        var first = await client.SendAsync(Push("k-2", body));
        var second = await client.SendAsync(Push("k-2", body));

        Assert.Equal(HttpStatusCode.Forbidden, first.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, second.StatusCode);
        Assert.Equal("application/problem+json", second.Content.Headers.ContentType?.MediaType);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
    }

    [SkippableFact]
    public async Task Push_SameKeyDifferentBody_422()
    {
        var client = await _factory.CreatePublisherClientAsync();

        await client.SendAsync(Push("k-3", Notices.Package(Notices.Tender("ocds-id-3", "T"))));
        var other = await client.SendAsync(Push("k-3", Notices.Package(Notices.Tender("ocds-id-4", "T"))));

        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Equal("application/problem+json", other.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, await ReleaseCountAsync("ocds-id-4"));
    }

    [SkippableFact]
    public async Task Push_SameKeyOtherApiKey_ProcessedSeparately()
    {
        var first = await _factory.CreatePublisherClientAsync(name: "a");
        var second = await _factory.CreatePublisherClientAsync(name: "b");

        await first.SendAsync(Push("k-4", Notices.Package(Notices.Tender("ocds-id-5", "T"))));
        var other = await second.SendAsync(Push("k-4", Notices.Package(Notices.Tender("ocds-id-6", "T"))));

        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
        Assert.Equal(1, await ReleaseCountAsync("ocds-id-6"));
    }

    [SkippableFact]
    public async Task Push_ConcurrentDuplicates_ProcessedOnceAllGetFirstAnswer()
    {
        var client = await _factory.CreatePublisherClientAsync();
        var body = Notices.Package(Enumerable.Range(0, 20).Select(i => Notices.Tender($"ocds-id-c{i}", "T", id: $"r{i}")).ToArray());

        var responses = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => client.SendAsync(Push("k-5", body))));
        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.OK, r.StatusCode));
        Assert.Single(bodies.Distinct());
        Assert.Equal(20, JsonDocument.Parse(bodies[0]).RootElement.GetProperty("stored").GetInt32());
        Assert.Equal(1, await ReleaseCountAsync("ocds-id-c0"));
    }

    [SkippableFact]
    public async Task Push_KeyTooLong_400()
    {
        var client = await _factory.CreatePublisherClientAsync();

        var response = await client.SendAsync(Push(new string('k', 201), Notices.Package(Notices.Tender("ocds-id-7", "T"))));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(0, await ReleaseCountAsync("ocds-id-7"));
    }
}

public sealed class SqliteIdempotencyTests() : IdempotencyTests(new DirectoryApiFactory());

public sealed class PostgresIdempotencyTests() : IdempotencyTests(new PostgresDirectoryApiFactory());
