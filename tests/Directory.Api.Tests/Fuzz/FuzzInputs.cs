using System.Globalization;
using System.Text;
using System.Text.Json.Nodes;

namespace Thirty3.DirectoryApi.Tests.Fuzz;

/// <summary>One generated request: where it goes, what it carries, and a short description for failure reports.</summary>
internal sealed record FuzzCase(string Endpoint, HttpMethod Method, string Url, byte[]? Body, string? ContentType, string Client)
{
    public string Describe()
    {
        var body = Body is null ? "" : Encoding.UTF8.GetString(Body, 0, Math.Min(Body.Length, 300));
        return $"{Method} {(Url.Length > 300 ? Url[..300] + "…" : Url)} [{ContentType}] ({Body?.Length ?? 0} bytes) {body}";
    }
}

/// <summary>
/// Generates hostile and malformed requests for every ingest and query endpoint. Case <c>i</c> of
/// seed <c>s</c> is always the same request, whatever order cases run in.
/// </summary>
internal sealed class FuzzInputs(int seed, IReadOnlyList<JsonObject> releaseSeeds)
{
    private static readonly string[] ContentTypes =
    [
        "application/json", "application/json", "application/json; charset=utf-8", "application/json; charset=utf-16",
        "text/plain", "application/xml", "application/merge-patch+json", "multipart/form-data; boundary=x", "!!!", "", "application/", ";;;",
        "text/csv", "application/x-www-form-urlencoded",
    ];

    private static readonly string[] QueryNames =
    [
        "q", "stage", "status", "cpv", "buyer", "region", "minValue", "maxValue", "deadlineFrom", "deadlineTo", "publishedFrom", "publishedTo",
        "sme", "vcse", "open", "sort", "page", "pageSize", "cursor", "borough", "serviceArea", "function", "supplier", "product",
        "contractEndYear", "hosting", "withinMonths", "id", "name", "source", "limit", "Q", "PAGE", "",
    ];

    private static readonly string[] Boroughs = ["E09000022", "E09000024", "Merton", "Lambeth", "E06000001", "W06000001", "E0900002", "Atlantis", "", " ", "e09000022", "E09000033"];

    public FuzzCase Create(int index)
    {
        var random = new Random(unchecked((seed * 1_000_003) + index));
        return random.Next(100) switch
        {
            < 30 => Releases(random),
            < 42 => TechnologiesJson(random),
            < 52 => TechnologiesCsv(random),
            < 57 => SourceStatus(random),
            < 72 => Get("search-opportunities", "/api/opportunities" + Query(random)),
            < 77 => Get("get-opportunity", $"/api/opportunities/{PathSegment(random)}{(random.Next(2) == 0 ? "/record" : "")}"),
            < 85 => random.Next(3) switch
            {
                0 => Get("search-technologies", "/api/technologies" + Query(random)),
                1 => Get("get-technology", $"/api/technologies/{PathSegment(random)}"),
                _ => Get("technology-peers", "/api/technologies/peers" + Query(random)),
            },
            < 96 => random.Next(8) switch
            {
                0 => Get("boroughs", random.Next(2) == 0 ? "/api/boroughs" + Query(random) : $"/api/boroughs/{PathSegment(random)}"),
                1 => Get("supplier-footprint", "/api/suppliers/footprint" + Query(random)),
                2 => Get("retenders", "/api/retenders" + Query(random)),
                3 => Get("coalitions", "/api/coalitions" + Query(random)),
                4 => Get("stats", "/api/stats" + Query(random)),
                5 => Get("cpv", $"/api/cpv/{PathSegment(random)}"),
                6 => new FuzzCase("rejections", HttpMethod.Get, "/api/ingest/rejections" + Query(random), null, null, "publisher"),
                _ => Get("sources", "/api/sources" + Query(random)),
            },
            _ => random.Next(2) == 0
                ? new FuzzCase("admin-cpv-import", HttpMethod.Post, "/api/admin/cpv/import", Csv(random, "CODE,EN"), random.Next(5) == 0 ? Pick(random, ContentTypes) : "text/csv", "admin")
                : new FuzzCase("admin-keys", HttpMethod.Post, "/api/admin/keys", JsonBody(random, RandomValue(random, 3)), ContentType(random), "admin"),
        };
    }

    private static FuzzCase Get(string endpoint, string url) => new(endpoint, HttpMethod.Get, url, null, null, "anonymous");

    private FuzzCase Releases(Random random)
    {
        byte[] body = random.Next(10) switch
        {
            < 6 => Encoding.UTF8.GetBytes(MutatedPackage(random)),
            6 => Encoding.UTF8.GetBytes(Structural(random)),
            7 => Corrupt(random, Encoding.UTF8.GetBytes(MutatedPackage(random))),
            8 => Encoding.UTF8.GetBytes(Deep(random)),
            _ => Encoding.UTF8.GetBytes(new JsonArray(Enumerable.Range(0, random.Next(1, 4)).Select(_ => (JsonNode?)Mutate(random, Seed(random))).ToArray()).ToJsonString()),
        };
        return new FuzzCase("ingest-releases", HttpMethod.Post, "/api/ingest/releases" + (random.Next(6) == 0 ? Query(random) : ""), body, ContentType(random), "publisher");
    }

    private static FuzzCase TechnologiesJson(Random random)
    {
        var entries = new JsonArray();
        for (var i = random.Next(0, 6); i > 0; i--)
        {
            var entry = new JsonObject
            {
                ["borough"] = Pick(random, Boroughs),
                ["serviceArea"] = "Revenues",
                ["function"] = "Council tax",
                ["product"] = RandomString(random, 40),
                ["supplier"] = "Civica",
                ["contractStart"] = "2021-04-01",
                ["contractEnd"] = "2027-03-31",
                ["annualValue"] = 1000,
            };
            foreach (var field in new[] { "id", "borough", "serviceArea", "function", "product", "supplier", "contractStart", "contractEnd", "contractMaxExtension", "annualValue", "totalValue", "hosting", "notes", "lastVerified", "supplierId" })
            {
                if (random.Next(4) == 0)
                {
                    entry[field] = RandomValue(random, 2);
                }
            }
            entries.Add(random.Next(10) == 0 ? RandomValue(random, 2) : entry);
        }
        var body = random.Next(8) switch
        {
            0 => Encoding.UTF8.GetBytes(Structural(random)),
            1 => Corrupt(random, Encoding.UTF8.GetBytes(entries.ToJsonString())),
            2 => Encoding.UTF8.GetBytes(Deep(random)),
            _ => Encoding.UTF8.GetBytes(entries.ToJsonString()),
        };
        return new FuzzCase("ingest-technologies", HttpMethod.Post, "/api/ingest/technologies", body, ContentType(random), "publisher");
    }

    private static FuzzCase TechnologiesCsv(Random random)
    {
        const string header = "borough,service_area,function,product,supplier,supplier_id,contract_start,contract_end,contract_max_extension,annual_value,total_value,hosting,notes,source,last_verified";
        var headerLine = random.Next(6) switch
        {
            0 => "borough,product",
            1 => header + ",extra,extra",
            2 => header.ToUpperInvariant(),
            3 => "\"borough\",\"service_area\",\"function\",\"product\",\"supplier\"",
            _ => header,
        };
        var body = Csv(random, headerLine);
        var contentType = random.Next(6) == 0 ? Pick(random, ContentTypes) : Pick(random, ["text/csv", "text/plain", "application/csv", "text/csv; charset=utf-8"]);
        return new FuzzCase("ingest-technologies-csv", HttpMethod.Post, "/api/ingest/technologies/csv", body, contentType, "publisher");
    }

    private static byte[] Csv(Random random, string header)
    {
        var text = new StringBuilder(random.Next(8) == 0 ? "" : header + "\n");
        string[] cells = ["E09000022", "Merton", "Revenues", "Council tax", "Civica", "2021-04-01", "31/03/2027", "2027-13-45", "£120,000", "-5", "1e400", "saas", "\"quoted, comma\"", "\"unterminated", "", " ", "\t", "=cmd|' /C calc'!A0", "\0", "💥", "NaN"];
        for (var row = random.Next(0, 8); row > 0; row--)
        {
            var count = random.Next(0, 20);
            text.AppendJoin(random.Next(10) == 0 ? ";" : ",", Enumerable.Range(0, count).Select(_ => random.Next(10) == 0 ? RandomString(random, 50) : Pick(random, cells)));
            text.Append(random.Next(5) == 0 ? "\r\n" : "\n");
        }
        if (random.Next(20) == 0)
        {
            text.Append(new string('x', random.Next(10_000, 300_000)));
        }
        var bytes = Encoding.UTF8.GetBytes(text.ToString());
        return random.Next(6) == 0 ? Corrupt(random, bytes) : bytes;
    }

    private static FuzzCase SourceStatus(Random random)
    {
        var name = random.Next(3) == 0 ? PathSegment(random) : "fuzz-source";
        var report = new JsonObject
        {
            ["name"] = random.Next(4) == 0 ? RandomValue(random, 1) : name,
            ["kind"] = "contracts-finder",
            ["enabled"] = random.Next(3) == 0 ? RandomValue(random, 1) : true,
            ["lastRunStarted"] = random.Next(3) == 0 ? RandomValue(random, 1) : "2025-01-01T00:00:00Z",
            ["fetched"] = random.Next(3) == 0 ? RandomValue(random, 1) : 10,
            ["accepted"] = 10,
            ["rejected"] = 0,
            ["lastError"] = random.Next(4) == 0 ? RandomString(random, 6000) : null,
            ["checkpoint"] = random.Next(4) == 0 ? RandomString(random, 1500) : "2025-01-01",
            ["lag"] = random.Next(3) == 0 ? RandomValue(random, 1) : "02:00:00",
        };
        var body = random.Next(6) == 0 ? Encoding.UTF8.GetBytes(Structural(random)) : Encoding.UTF8.GetBytes(report.ToJsonString());
        return new FuzzCase("source-status", HttpMethod.Put, $"/api/sources/{name}/status", body, ContentType(random), "publisher");
    }

    private JsonObject Seed(Random random) => (JsonObject)releaseSeeds[random.Next(releaseSeeds.Count)].DeepClone();

    private string MutatedPackage(Random random)
    {
        var releases = new JsonArray(Enumerable.Range(0, random.Next(1, 6)).Select(_ => (JsonNode?)Mutate(random, Seed(random))).ToArray());
        var package = new JsonObject { ["uri"] = "https://example.test/p", ["version"] = "1.1", ["publishedDate"] = "2025-03-01T00:00:00Z", ["releases"] = releases };
        if (random.Next(5) == 0)
        {
            package["releases"] = RandomValue(random, 2);
        }
        if (random.Next(8) == 0)
        {
            package = new JsonObject { ["records"] = new JsonArray(new JsonObject { ["ocid"] = RandomValue(random, 1), ["releases"] = releases.DeepClone(), ["compiledRelease"] = RandomValue(random, 2) }) };
        }
        return package.ToJsonString();
    }

    /// <summary>Changes 1–6 places in a release: wrong types, missing or extra members, odd ids and dates, huge strings.</summary>
    private static JsonNode Mutate(Random random, JsonObject release)
    {
        release["ocid"] = $"ocds-fz-{random.Next(2_000)}";
        release["id"] = $"r-{random.Next(5)}";
        for (var n = random.Next(1, 7); n > 0; n--)
        {
            var (parent, key) = RandomMember(random, release);
            if (parent is null)
            {
                continue;
            }
            switch (random.Next(7))
            {
                case 0:
                    parent.Remove(key);
                    break;
                case 1:
                    parent[key] = RandomValue(random, 3);
                    break;
                case 2:
                    parent[key] = Pick(random, ["", " ", "ocds-", "2025-02-30T25:61:00Z", "not a date", "0001-01-01T00:00:00Z", "9999-12-31T23:59:59+14:00", "\u0000", "\uFFFF", "💥💥", "<script>alert(1)</script>", "' OR 1=1 --", "../../etc/passwd"]);
                    break;
                case 3:
                    parent[key] = RandomString(random, random.Next(20) == 0 ? 400_000 : 2_000);
                    break;
                case 4:
                    parent[$"x{random.Next(100)}"] = RandomValue(random, 3);
                    break;
                case 5:
                    parent[key] = Pick(random, [-1, 0, 1e308, -1e308, long.MaxValue, 0.0000001]);
                    break;
                default:
                    parent[key] = new JsonArray(RandomValue(random, 1), RandomValue(random, 1));
                    break;
            }
        }
        return release;
    }

    private static (JsonObject? Parent, string Key) RandomMember(Random random, JsonNode node)
    {
        JsonObject? parent = null;
        var key = "";
        for (var depth = 0; depth < 6; depth++)
        {
            switch (node)
            {
                case JsonObject obj when obj.Count > 0:
                    var member = obj.ElementAt(random.Next(obj.Count));
                    parent = obj;
                    key = member.Key;
                    if (member.Value is null || random.Next(3) == 0)
                    {
                        return (parent, key);
                    }
                    node = member.Value;
                    break;
                case JsonArray array when array.Count > 0 && array[random.Next(array.Count)] is { } item:
                    node = item;
                    break;
                default:
                    return (parent, key);
            }
        }
        return (parent, key);
    }

    private static JsonNode? RandomValue(Random random, int depth) => random.Next(depth > 0 ? 9 : 6) switch
    {
        0 => null,
        1 => JsonValue.Create(random.Next(2) == 0),
        2 => JsonValue.Create(random.NextDouble() * Math.Pow(10, random.Next(-5, 300)) * (random.Next(2) == 0 ? -1 : 1)),
        3 => JsonValue.Create(random.Next()),
        4 => JsonValue.Create(RandomString(random, 64)),
        5 => JsonValue.Create(Pick(random, ["2025-01-01", "2025-01-01T00:00:00Z", "yesterday", "", "E09000022", "GB-CFS-1", "72000000", "true", "1e400"])),
        6 => new JsonArray(Enumerable.Range(0, random.Next(4)).Select(_ => RandomValue(random, depth - 1)).ToArray()),
        _ => new JsonObject(Enumerable.Range(0, random.Next(4)).Select(i => KeyValuePair.Create($"k{i}", RandomValue(random, depth - 1)))),
    };

    /// <summary>Valid JSON of the wrong shape, or not JSON at all.</summary>
    private static string Structural(Random random) => Pick(random,
    [
        "", " ", "null", "true", "0", "-1", "\"text\"", "[]", "{}", "[null]", "[[]]", "[{}]", "{\"releases\":null}", "{\"releases\":{}}", "{\"records\":[{}]}",
        "{\"ocid\":1}", "{\"releases\":[1,2,3]}", "{", "[", "{\"a\":", "{'single':'quotes'}", "{\"a\":1,}", "[1,]", "NaN", "Infinity", "{\"a\":01}",
        "\uFEFF{}", "{\"a\":\"\\uD800\"}", "{\"a\":\"\\x\"}", "/* comment */ {}", "{\"a\":1}{\"b\":2}", "{\"releases\":[" + string.Join(",", Enumerable.Repeat("null", 6_000)) + "]}",
        "[" + string.Join(",", Enumerable.Repeat("{}", random.Next(1, 5_500))) + "]",
        "{" + string.Join(",", Enumerable.Range(0, 2_000).Select(i => $"\"k{i}\":{i}")) + "}",
        "\"" + new string('a', random.Next(1, 3_000_000)) + "\"",
    ]);

    private static string Deep(Random random)
    {
        var depth = random.Next(2) == 0 ? random.Next(10, 80) : random.Next(100, 20_000);
        return random.Next(3) switch
        {
            0 => new string('[', depth) + new string(']', depth),
            1 => string.Concat(Enumerable.Repeat("{\"a\":", depth)) + "1" + new string('}', depth),
            _ => "{\"releases\":[" + string.Concat(Enumerable.Repeat("{\"ocid\":", depth)) + "1" + new string('}', depth) + "]}",
        };
    }

    /// <summary>Byte-level damage: invalid UTF-8, truncation, flipped bytes, NULs.</summary>
    private static byte[] Corrupt(Random random, byte[] bytes)
    {
        var list = bytes.ToList();
        for (var n = random.Next(1, 5); n > 0 && list.Count > 0; n--)
        {
            var at = random.Next(list.Count);
            switch (random.Next(5))
            {
                case 0:
                    list.InsertRange(at, Pick(random, new byte[][] { [0xFF], [0xC3], [0xED, 0xA0, 0x80], [0xF4, 0x90, 0x80, 0x80], [0xC0, 0xAF], [0xFE, 0xFF] }));
                    break;
                case 1:
                    list.RemoveRange(at, list.Count - at);
                    break;
                case 2:
                    list[at] = (byte)random.Next(256);
                    break;
                case 3:
                    list.Insert(at, 0);
                    break;
                default:
                    list.InsertRange(0, [0xFF, 0xFE]);
                    break;
            }
        }
        return [.. list];
    }

    private static string Query(Random random)
    {
        if (random.Next(8) == 0)
        {
            return Pick(random, ["", "?", "?&&&", "?=", "?q", "?%", "?q=%zz", "?q=%ff%fe", "?page=1&page=2", "?pageSize=0", "?pageSize=-1", "?page=2147483647", "?page=99999999999", "?cursor=" + new string('A', 5000), "?q=" + new string('a', 20_000), "?withinMonths=1e9", "?minValue=1e400", "?minValue=NaN"]);
        }
        var parts = new List<string>();
        for (var n = random.Next(0, 6); n > 0; n--)
        {
            parts.Add($"{Pick(random, QueryNames)}={QueryValue(random)}");
        }
        return parts.Count == 0 ? "" : "?" + string.Join("&", parts);
    }

    private static string QueryValue(Random random)
    {
        var value = random.Next(12) switch
        {
            0 => random.Next(int.MinValue, int.MaxValue).ToString(CultureInfo.InvariantCulture),
            1 => Pick(random, ["99999999999999999999999", "-0", "1e400", "NaN", "Infinity", "0x10", "1,5", "1.5", "-1"]),
            2 => Pick(random, ["2025-01-01", "2025-13-45", "2025-01-01T00:00:00Z", "0000-00-00", "tomorrow", "9999-12-31T23:59:59Z", "0001-01-01"]),
            3 => Pick(random, ["true", "false", "yes", "1", "TRUE", ""]),
            4 => Pick(random, ["tender", "award", "planning", "active", "complete", "newest", "closing", "value", "value_asc", "relevance", "72", "72000000", "E09000022", "GB-CFS-1", "london"]),
            5 => Pick(random, ["*:*", "a AND (b OR", "\"unterminated", "field:[a TO", "~~~", "\\", "+-!():^[]\"{}~*?|&/", "title:x^1e9", "a*", "*", "?", "/.*/", "a~2", "\"a b\"~1000000"]),
            6 => RandomString(random, random.Next(1, 600)),
            7 => Convert.ToBase64String(Encoding.UTF8.GetBytes(RandomString(random, 40))),
            8 => "%" + random.Next(256).ToString("x2", CultureInfo.InvariantCulture),
            9 => "💥" + new string('ü', random.Next(1, 50)),
            _ => RandomString(random, 10),
        };
        return random.Next(3) == 0 ? value : Uri.EscapeDataString(value);
    }

    private static string PathSegment(Random random)
    {
        var value = random.Next(8) switch
        {
            0 => $"ocds-fz-{random.Next(2_000)}",
            1 => Pick(random, ["E09000022", "E09000024", "E09000001", "Merton", "72000000", "72", "03000000-1", "GB-CFS-1"]),
            2 => Pick(random, ["..", ".", "%2e%2e", "%2F", "%00", "%ff", "%", " ", "null", "undefined", "'", "\"", "<x>"]),
            3 => new string('a', random.Next(200, 8_000)),
            4 => "💥" + RandomString(random, 20),
            _ => RandomString(random, 30),
        };
        return random.Next(2) == 0 ? Uri.EscapeDataString(value) : value.Replace("/", "%2F", StringComparison.Ordinal).Replace("?", "%3F", StringComparison.Ordinal).Replace("#", "%23", StringComparison.Ordinal);
    }

    private static string ContentType(Random random) => random.Next(5) == 0 ? Pick(random, ContentTypes) : "application/json";

    private static byte[] JsonBody(Random random, JsonNode? node) => Encoding.UTF8.GetBytes(node?.ToJsonString() ?? "null");

    private static string RandomString(Random random, int maxLength)
    {
        var length = random.Next(0, Math.Max(1, maxLength));
        var chars = new char[length];
        for (var i = 0; i < length; i++)
        {
            chars[i] = random.Next(10) switch
            {
                0 => (char)random.Next(0, 32),
                1 => (char)random.Next(0x80, 0x800),
                2 => (char)random.Next(0xD800, 0xE000), // lone surrogates
                3 => Pick(random, ['"', '\\', '\'', '<', '>', '&', '%', '{', '}', '[', ']', ',', ';', '\n']),
                _ => (char)random.Next(32, 127),
            };
        }
        return new string(chars);
    }

    private static T Pick<T>(Random random, IReadOnlyList<T> items) => items[random.Next(items.Count)];
}
