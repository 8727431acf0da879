using System.Net;
using Thirty3.DirectoryApi.Tests.Infrastructure;

namespace Thirty3.DirectoryApi.Tests.Limits;

/// <summary>The limits on what one request may ask: every one answers 4xx problem+json.</summary>
public sealed class RequestLimitTests : IDisposable
{
    private readonly DirectoryApiFactory _factory = new();

    public RequestLimitTests()
    {
        _factory.ExtraSettings["Ingest:MaxBodyBytes"] = "65536";
        _factory.ExtraSettings["Ingest:MaxBatchItems"] = "5";
        _factory.ExtraSettings["Ingest:MaxJsonDepth"] = "16";
    }

    public void Dispose()
    {
        _factory.Dispose();
        _factory.DeleteData();
    }

    private static void AssertProblem(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task Ingest_BodyOverLimit_413()
    {
        var client = await _factory.CreatePublisherClientAsync();
        var body = Notices.Package(Notices.Tender("ocds-l-1", new string('x', 70_000)));

        AssertProblem(await client.PostAsync("/api/ingest/releases", DirectoryApiFactory.Json(body)), HttpStatusCode.RequestEntityTooLarge);
        AssertProblem(await client.PostAsync("/api/ingest/technologies/csv", new StringContent("borough\n" + new string('x', 70_000), System.Text.Encoding.UTF8, "text/csv")), HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Ingest_BatchOverLimit_413()
    {
        var client = await _factory.CreatePublisherClientAsync();
        var releases = Enumerable.Range(0, 6).Select(i => Notices.Tender($"ocds-l-b{i}", "T", id: $"r{i}")).ToArray();

        AssertProblem(await client.PostAsync("/api/ingest/releases", DirectoryApiFactory.Json(Notices.Package(releases))), HttpStatusCode.RequestEntityTooLarge);
    }

    [Fact]
    public async Task Ingest_NestedDeeperThanLimit_400()
    {
        var client = await _factory.CreatePublisherClientAsync();
        var deep = new string('[', 40) + new string(']', 40);

        AssertProblem(await client.PostAsync("/api/ingest/releases", DirectoryApiFactory.Json(deep)), HttpStatusCode.BadRequest);
        AssertProblem(await client.PostAsync("/api/ingest/technologies", DirectoryApiFactory.Json(deep)), HttpStatusCode.BadRequest);
    }

    [Theory]
    [InlineData("pageSize=101")]
    [InlineData("page=501&pageSize=20")]
    [InlineData("page=0")]
    public async Task Search_PageSizeAndDeepPaging_400(string query)
    {
        AssertProblem(await _factory.CreateClient().GetAsync("/api/opportunities?" + query), HttpStatusCode.BadRequest);
    }

    [Fact]
    public async Task Search_QueryTooLong_400()
    {
        AssertProblem(await _factory.CreateClient().GetAsync("/api/opportunities?q=" + new string('a', 501)), HttpStatusCode.BadRequest);
    }
}
