using System.Net.Security;
using System.Security.Cryptography.X509Certificates;

namespace Thirty3.Search.Elasticsearch;

/// <summary>Trusts the cluster's certificate only when its chain ends at the configured CA (self-managed clusters sign with their own CA).</summary>
internal static class CertificateAuthority
{
    public static RemoteCertificateValidationCallback Validator(X509Certificate2 authority) =>
        (_, certificate, _, errors) => Validate(authority, certificate as X509Certificate2 ?? (certificate is null ? null : X509CertificateLoader.LoadCertificate(certificate.GetRawCertData())), errors);

    internal static bool Validate(X509Certificate2 authority, X509Certificate2? certificate, SslPolicyErrors errors)
    {
        if (certificate is null || errors.HasFlag(SslPolicyErrors.RemoteCertificateNameMismatch) || errors.HasFlag(SslPolicyErrors.RemoteCertificateNotAvailable))
        {
            return false;
        }
        using var chain = new X509Chain();
        chain.ChainPolicy.TrustMode = X509ChainTrustMode.CustomRootTrust;
        chain.ChainPolicy.CustomTrustStore.Add(authority);
        chain.ChainPolicy.RevocationMode = X509RevocationMode.NoCheck;
        return chain.Build(certificate);
    }

    /// <summary>Reads a PEM or DER certificate file.</summary>
    public static X509Certificate2 Load(string path)
    {
        var text = File.ReadAllText(path);
        return text.Contains("-----BEGIN CERTIFICATE-----", StringComparison.Ordinal)
            ? X509Certificate2.CreateFromPem(text)
            : X509CertificateLoader.LoadCertificateFromFile(path);
    }
}
