using System.Security.Cryptography;
using System.Text;

namespace Thirty3.DirectoryApi.Auth;

/// <summary>
/// API keys look like <c>t33_{id}_{secret}</c>. The id is public (it names the key in logs and
/// admin lists); the secret is 256 random bits, shown once and stored only as its SHA-256. A fast
/// hash is enough because the secret is random, not a password a person chose.
/// </summary>
public static class ApiKeySecrets
{
    public const string Prefix = "t33_";

    public static (string Id, string Secret, string Key) Generate()
    {
        var id = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(6));
        var secret = Base64Url(RandomNumberGenerator.GetBytes(32));
        return (id, secret, $"{Prefix}{id}_{secret}");
    }

    public static string Hash(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    public static bool TryParse(string? key, out string id, out string secret)
    {
        id = secret = "";
        if (key is null || !key.StartsWith(Prefix, StringComparison.Ordinal) || key.Length > 200)
        {
            return false;
        }
        var rest = key[Prefix.Length..];
        var separator = rest.IndexOf('_', StringComparison.Ordinal);
        if (separator <= 0 || separator == rest.Length - 1)
        {
            return false;
        }
        id = rest[..separator];
        secret = rest[(separator + 1)..];
        return true;
    }

    /// <summary>Compares in constant time so response timing does not leak how much of a hash matched.</summary>
    public static bool Matches(string secret, string storedHash) =>
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(Hash(secret)), Encoding.ASCII.GetBytes(storedHash));

    private static string Base64Url(byte[] bytes) => Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
