using Microsoft.AspNetCore.Authentication;

namespace Thirty3.DirectoryApi.Auth;

public static class AuthRegistration
{
    public const string PublisherPolicy = "publisher";
    public const string AdminPolicy = "admin";

    public static IServiceCollection AddDirectoryAuth(this IServiceCollection services)
    {
        services.AddMemoryCache();
        services.AddAuthentication(ApiKeyAuthenticationHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyAuthenticationHandler.SchemeName, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(PublisherPolicy, p => p.RequireAuthenticatedUser())
            .AddPolicy(AdminPolicy, p => p.RequireRole(ApiKeyAuthenticationHandler.AdminRole));
        return services;
    }
}
