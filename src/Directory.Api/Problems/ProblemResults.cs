using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

namespace Thirty3.DirectoryApi.Problems;

/// <summary>Builds <c>application/problem+json</c> answers that say what was wrong and where.</summary>
public static class ProblemResults
{
    public static ProblemHttpResult Create(int status, string title, string detail, string? path = null, IDictionary<string, object?>? extensions = null)
    {
        var problem = new ProblemDetails
        {
            Status = status,
            Title = title,
            Detail = detail,
            Type = $"https://httpstatuses.io/{status}",
        };
        if (path is not null)
        {
            problem.Extensions["path"] = path;
        }
        if (extensions is not null)
        {
            foreach (var (key, value) in extensions)
            {
                problem.Extensions[key] = value;
            }
        }
        return TypedResults.Problem(problem);
    }

    public static ProblemHttpResult BadRequest(string detail, string? path = null) => Create(StatusCodes.Status400BadRequest, "The request is not valid.", detail, path);
}
