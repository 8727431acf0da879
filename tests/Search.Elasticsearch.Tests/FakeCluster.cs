using System.Net;
using System.Text;
using Microsoft.Extensions.Logging.Abstractions;
using Refit;
using Thirty3.Domain.Search;

namespace Thirty3.Search.Elasticsearch.Tests;

/// <summary>A request as the cluster received it.</summary>
internal sealed record RecordedRequest(string Method, string PathAndQuery, string? ContentType, string? Accept, string? Authorization, string Body);

/// <summary>
/// Plays recorded responses to the requests the backend sends and keeps every request for
/// assertions. Routes match "METHOD /path" exactly (query string excluded); each route answers its
/// queued responses in order and repeats the last one.
/// </summary>
internal sealed class FakeCluster : HttpMessageHandler
{
    private readonly Dictionary<string, Queue<(HttpStatusCode Status, string Body)>> routes = new(StringComparer.Ordinal);
    private readonly Lock sync = new();

    public List<RecordedRequest> Requests { get; } = [];

    public FakeCluster On(string route, HttpStatusCode status, string body)
    {
        lock (sync)
        {
            if (!routes.TryGetValue(route, out var queue))
            {
                queue = new Queue<(HttpStatusCode, string)>();
                routes[route] = queue;
            }
            queue.Enqueue((status, body));
        }
        return this;
    }

    public FakeCluster On(string route, string body) => On(route, HttpStatusCode.OK, body);

    public FakeCluster OnFixture(string route, string fixture, HttpStatusCode status = HttpStatusCode.OK) => On(route, status, Fixture(fixture));

    public static string Fixture(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", name));

    public IReadOnlyList<RecordedRequest> To(string method, string pathPrefix) =>
        [.. Requests.Where(r => r.Method == method && r.PathAndQuery.StartsWith(pathPrefix, StringComparison.Ordinal))];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(cancellationToken);
        var recorded = new RecordedRequest(
            request.Method.Method,
            request.RequestUri!.PathAndQuery,
            request.Content?.Headers.ContentType?.ToString(),
            request.Headers.Accept.ToString(),
            request.Headers.Authorization?.ToString(),
            body);
        (HttpStatusCode Status, string Body) answer;
        lock (sync)
        {
            Requests.Add(recorded);
            var key = $"{request.Method.Method} {request.RequestUri.AbsolutePath}";
            if (!routes.TryGetValue(key, out var queue) || queue.Count == 0)
            {
                answer = (HttpStatusCode.NotImplemented, $$"""{"error":"no fake response for {{key}}"}""");
            }
            else
            {
                answer = queue.Count > 1 ? queue.Dequeue() : queue.Peek();
            }
        }
        return new HttpResponseMessage(answer.Status)
        {
            Content = new StringContent(answer.Body, Encoding.UTF8, "application/json"),
            RequestMessage = request,
        };
    }

    public IElasticsearchApi Api() =>
        RestService.For<IElasticsearchApi>(new HttpClient(this, disposeHandler: false) { BaseAddress = new Uri("http://search.test:9200/") }, ElasticsearchApiSettings.Create());

    public static ElasticsearchOptions Options(int batchSize = 500, int retries = 5) => new()
    {
        Url = "http://search.test:9200",
        BulkBatchSize = batchSize,
        BulkRetries = retries,
        // No waiting in tests: the retry path is exercised, the clock is not.
        BulkRetryDelay = TimeSpan.Zero,
    };

    public ElasticsearchSearchIndex Index(IndexSchema schema, ElasticsearchOptions? options = null) =>
        new ElasticsearchSearchIndexFactory(Api(), Microsoft.Extensions.Options.Options.Create(options ?? Options()), TimeProvider.System, NullLoggerFactory.Instance).OpenIndex(schema);

    /// <summary>The alias exists and points at one index, so no index is created on first use.</summary>
    public FakeCluster WithAlias(string alias, string index) =>
        On($"GET /_alias/{alias}", new System.Text.Json.Nodes.JsonObject
        {
            [index] = new System.Text.Json.Nodes.JsonObject { ["aliases"] = new System.Text.Json.Nodes.JsonObject { [alias] = new System.Text.Json.Nodes.JsonObject() } },
        }.ToJsonString());
}
