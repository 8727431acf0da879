using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Thirty3.Domain.Search;

namespace Thirty3.Search.Lucene.Tests;

public sealed class LuceneServiceCollectionExtensionsTests
{
    [Fact]
    public void AddLuceneSearch_WithIndexPath_ResolvesFactory()
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Lucene:IndexPath"] = "/tmp/thirty3-not-created" })
            .Build();

        using var provider = new ServiceCollection().AddLuceneSearch(configuration).BuildServiceProvider();

        Assert.IsType<LuceneSearchIndexFactory>(provider.GetRequiredService<ISearchIndexFactory>());
        Assert.False(Directory.Exists("/tmp/thirty3-not-created"));
    }

    [Fact]
    public void AddLuceneSearch_WithoutIndexPath_FailsValidation()
    {
        var configuration = new ConfigurationBuilder().Build();

        using var provider = new ServiceCollection().AddLuceneSearch(configuration).BuildServiceProvider();

        Assert.Throws<OptionsValidationException>(() => { _ = provider.GetRequiredService<IOptions<LuceneOptions>>().Value; });
    }
}
