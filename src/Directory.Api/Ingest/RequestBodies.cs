using System.Text.Json;
using System.Text.Json.Nodes;
using Thirty3.DirectoryApi.Problems;

namespace Thirty3.DirectoryApi.Ingest;

/// <summary>Reads request bodies within the ingest limits: size, depth and content type.</summary>
public static class RequestBodies
{
    public static async Task<JsonNode?> ReadJsonAsync(HttpRequest request, IngestOptions limits, CancellationToken cancellationToken)
    {
        RequireContentType(request, "application/json", "+json");
        var body = await ReadUtf8Async(request, limits, cancellationToken);
        return JsonNode.Parse(body.Span, documentOptions: new JsonDocumentOptions { MaxDepth = limits.MaxJsonDepth });
    }

    public static async Task<T?> ReadJsonAsync<T>(HttpRequest request, IngestOptions limits, JsonSerializerOptions options, CancellationToken cancellationToken)
    {
        RequireContentType(request, "application/json", "+json");
        var body = await ReadUtf8Async(request, limits, cancellationToken);
        var withDepth = new JsonSerializerOptions(options) { MaxDepth = limits.MaxJsonDepth };
        return JsonSerializer.Deserialize<T>(body.Span, withDepth);
    }

    /// <summary>
    /// Reads the whole body (the parsers buffer it anyway) and checks it is UTF-8: the JSON reader
    /// lets some invalid sequences inside strings through, and JsonNode only trips on them later,
    /// deep in ingest, as an InvalidOperationException.
    /// </summary>
    private static async Task<ReadOnlyMemory<byte>> ReadUtf8Async(HttpRequest request, IngestOptions limits, CancellationToken cancellationToken)
    {
        await using var body = Limit(request, limits);
        using var buffer = new MemoryStream();
        await body.CopyToAsync(buffer, cancellationToken);
        var bytes = new ReadOnlyMemory<byte>(buffer.GetBuffer(), 0, (int)buffer.Length);
        if (!System.Text.Unicode.Utf8.IsValid(bytes.Span))
        {
            throw new System.Text.DecoderFallbackException("The request body is not valid UTF-8.");
        }
        return bytes;
    }

    public static StreamReader OpenText(HttpRequest request, IngestOptions limits)
    {
        RequireContentType(request, "text/csv", "text/plain", "application/csv", "application/vnd.ms-excel");
        return new StreamReader(Limit(request, limits), new System.Text.UTF8Encoding(false, throwOnInvalidBytes: true), detectEncodingFromByteOrderMarks: true);
    }

    private static Stream Limit(HttpRequest request, IngestOptions limits)
    {
        AllowConfiguredSize(request, limits);
        if (request.ContentLength > limits.MaxBodyBytes)
        {
            throw new PayloadTooLargeException(limits.MaxBodyBytes);
        }
        return new LengthLimitedStream(request.Body, limits.MaxBodyBytes);
    }

    /// <summary>
    /// Makes <see cref="IngestOptions.MaxBodyBytes"/> the limit in force: Kestrel's own cap
    /// (30,000,000 bytes unless configured) would otherwise refuse bodies the setting allows, before
    /// the endpoint could say which limit was hit. The length-limited stream enforces ours.
    /// </summary>
    public static void AllowConfiguredSize(HttpRequest request, IngestOptions limits)
    {
        if (request.HttpContext.Features.Get<Microsoft.AspNetCore.Http.Features.IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = limits.MaxBodyBytes;
        }
    }

    private static void RequireContentType(HttpRequest request, params string[] accepted)
    {
        var type = request.ContentType?.Split(';')[0].Trim().ToLowerInvariant();
        if (type is null || !accepted.Any(a => a.StartsWith('+') ? type.EndsWith(a, StringComparison.Ordinal) : type == a))
        {
            throw new UnsupportedContentTypeException(request.ContentType, string.Join(" or ", accepted.Where(a => !a.StartsWith('+'))));
        }
    }
}

/// <summary>Stops reading a body past a limit, whatever Content-Length claimed (chunked bodies have none).</summary>
internal sealed class LengthLimitedStream(Stream inner, long limit) : Stream
{
    private long _read;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _read; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, count));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await inner.ReadAsync(buffer, cancellationToken));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    private int Count(int read)
    {
        _read += read;
        return _read > limit ? throw new PayloadTooLargeException(limit) : read;
    }

    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
