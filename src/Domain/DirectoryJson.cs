using System.Text.Json;
using System.Text.Json.Serialization;

namespace Thirty3.Domain;

/// <summary>The JSON conventions of the directory's API, shared by the server and its clients.</summary>
public static class DirectoryJson
{
    public static readonly JsonSerializerOptions Options = Configure(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    /// <summary>Applies the API's conventions (camelCase, enums as camelCase strings, nulls omitted) to <paramref name="options"/>.</summary>
    public static JsonSerializerOptions Configure(JsonSerializerOptions options)
    {
        options.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
        options.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull;
        if (!options.Converters.OfType<JsonStringEnumConverter>().Any())
        {
            options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.CamelCase));
        }
        return options;
    }
}
