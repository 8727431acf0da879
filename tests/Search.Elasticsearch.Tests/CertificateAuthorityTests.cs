using System.Net.Security;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Thirty3.Search.Elasticsearch.Tests;

public sealed class CertificateAuthorityTests
{
    [Fact]
    public void Validate_LeafSignedByConfiguredCa_IsTrusted()
    {
        using var ca = Authority("CN=Thirty3 Test CA");
        using var leaf = Leaf(ca, "CN=search.test");

        Assert.True(CertificateAuthority.Validate(ca, leaf, SslPolicyErrors.RemoteCertificateChainErrors));
    }

    [Fact]
    public void Validate_LeafOfAnotherCa_IsRefused()
    {
        using var ca = Authority("CN=Thirty3 Test CA");
        using var other = Authority("CN=Someone Else");
        using var leaf = Leaf(other, "CN=search.test");

        Assert.False(CertificateAuthority.Validate(ca, leaf, SslPolicyErrors.RemoteCertificateChainErrors));
    }

    [Fact]
    public void Validate_NameMismatch_IsRefusedEvenWithTrustedChain()
    {
        using var ca = Authority("CN=Thirty3 Test CA");
        using var leaf = Leaf(ca, "CN=elsewhere.test");

        Assert.False(CertificateAuthority.Validate(ca, leaf, SslPolicyErrors.RemoteCertificateNameMismatch));
    }

    [Fact]
    public void Load_PemFile_ReadsCertificate()
    {
        using var ca = Authority("CN=Thirty3 Test CA");
        var path = Path.Combine(Path.GetTempPath(), $"thirty3-ca-{Guid.NewGuid():N}.pem");
        File.WriteAllText(path, ca.ExportCertificatePem());
        try
        {
            using var loaded = CertificateAuthority.Load(path);

            Assert.Equal(ca.Thumbprint, loaded.Thumbprint);
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static X509Certificate2 Authority(string subject)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(true, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.KeyCertSign | X509KeyUsageFlags.CrlSign, true));
        return request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(30));
    }

    private static X509Certificate2 Leaf(X509Certificate2 issuer, string subject)
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, false));
        return request.Create(issuer, DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(10), [1, 2, 3, 4]);
    }
}
