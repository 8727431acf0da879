namespace Thirty3.DirectoryApi.Problems;

/// <summary>The request body is larger than the configured limit.</summary>
public sealed class PayloadTooLargeException(long limit) : Exception($"The request body is larger than the limit of {limit:N0} bytes. Send smaller batches.");

/// <summary>The request body has a content type the endpoint does not read.</summary>
public sealed class UnsupportedContentTypeException(string? contentType, string expected) : Exception($"Content type '{contentType ?? "(none)"}' is not accepted here; send {expected}.");
