using Thirty3.DirectoryClient;

namespace Thirty3.Web;

public static class WebRegistration
{
    /// <summary>The site's services: Razor components (static server rendering only) and the directory client.</summary>
    public static IHostApplicationBuilder AddWeb(this IHostApplicationBuilder builder)
    {
        builder.Services.AddRazorComponents();
        builder.Services.AddAntiforgery();
        builder.Services.AddDirectoryClient(builder.Configuration);
        builder.Services.AddOptions<SiteOptions>()
            .Bind(builder.Configuration.GetSection(SiteOptions.SectionName))
            .ValidateDataAnnotations()
            .ValidateOnStart();
        builder.Services.AddSingleton(TimeProvider.System);
        // Liveness of the site itself: the directory's own health is the API's to report.
        builder.Services.AddHealthChecks();
        return builder;
    }
}
