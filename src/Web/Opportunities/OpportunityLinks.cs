namespace Thirty3.Web.Opportunities;

public static class OpportunityLinks
{
    public static string Detail(string ocid) => "/opportunities/" + Uri.EscapeDataString(ocid);
}
