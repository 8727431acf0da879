namespace Thirty3.DirectoryApi.Auth;

/// <summary>
/// The security log of refused writes: a key that tries to write for an organisation it is not
/// scoped to is either misconfigured or probing (OWASP API1), and either way an operator should see it.
/// </summary>
public static partial class WriteAudit
{
    public const int RefusedEventId = 4031;

    [LoggerMessage(EventId = RefusedEventId, Level = LogLevel.Warning, Message = "Refused write by API key {KeyId} ({KeyName}) for {Buyer} on {Path}: {Reason}")]
    public static partial void Refused(ILogger logger, string keyId, string keyName, string buyer, string path, string reason);

    public static void Refused(ILogger logger, Publisher publisher, string? buyer, string reason) =>
        Refused(logger, publisher.KeyId, publisher.Name, buyer ?? "(none named)", publisher.RequestPath, reason);
}
