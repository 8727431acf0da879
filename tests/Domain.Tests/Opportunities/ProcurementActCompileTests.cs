using Thirty3.Domain.Opportunities;
using Thirty3.Domain.Organisations;

namespace Thirty3.Domain.Tests.Opportunities;

/// <summary>Procurement Act 2023 notices compile to what a reader of the notices would expect.</summary>
public class ProcurementActCompileTests
{
    private const string Lifecycle = "lifecycle-uk1-to-uk11.json";

    [Fact]
    public void Compile_Lifecycle_EveryNoticeKeepsItsTypeInWords()
    {
        var detail = FindATenderFixtures.Compile(Lifecycle);

        Assert.Equal(
            ["UK1 Pipeline notice", "UK2 Preliminary market engagement notice", "UK3 Planned procurement notice", "UK4 Tender notice", "UK4 Tender notice (amendment)",
             "UK6 Contract award notice", "UK6 Contract award notice (amendment)", "UK7 Contract details notice", "UK10 Contract change notice", "UK11 Contract termination notice"],
            detail.Notices.Select(n => n.Label));
        Assert.Equal([Stages.Planning, Stages.Planning, Stages.Planning, Stages.Tender, Stages.Tender, Stages.Award, Stages.Award, Stages.Contract, Stages.Contract, Stages.Contract], detail.Notices.Select(n => n.Stage));
        Assert.Equal(["UK1", "UK2", "UK3", "UK4", "UK6", "UK7", "UK10", "UK11"], detail.Summary.NoticeTypes);
        Assert.Equal("https://www.find-tender.service.gov.uk/Notice/045678-2025", detail.Notices[3].Link);
    }

    [Theory]
    [InlineData(1, Stages.Planning, "UK1")]
    [InlineData(2, Stages.Planning, "UK2")]
    [InlineData(3, Stages.Planning, "UK3")]
    [InlineData(4, Stages.Tender, "UK4")]
    public void Compile_LifecycleSoFar_StageAndLatestNoticeType(int releases, string stage, string noticeType)
    {
        var summary = FindATenderFixtures.Compile(Lifecycle, releases).Summary;

        Assert.Equal(stage, summary.Stage);
        Assert.Equal(noticeType, summary.NoticeType);
    }

    [Fact]
    public void Compile_CompetitiveFlexibleWithOnlyExpressionOfInterestDeadline_ThatIsTheDeadline()
    {
        var summary = FindATenderFixtures.Compile(Lifecycle, 5).Summary;

        // The amendment moved it from 5 to 12 December.
        Assert.Equal(DateTimeOffset.Parse("2025-12-12T12:00:00Z"), summary.Deadline);
        Assert.Equal(DeadlineKinds.ExpressionOfInterest, summary.DeadlineKind);
        Assert.Equal(DateTimeOffset.Parse("2025-11-28T17:00:00Z"), summary.EnquiryDeadline);
        Assert.Equal("active", summary.Status);
    }

    [Fact]
    public void Compile_AwardInStandstill_NoWinnerYetButIntendedSupplierAndStandstillEnd()
    {
        var detail = FindATenderFixtures.Compile(Lifecycle, 6);

        Assert.Equal(Stages.Award, detail.Summary.Stage);
        Assert.Empty(detail.Summary.Suppliers);
        Assert.Equal("Northgate Civic Digital Ltd", Assert.Single(detail.Summary.IntendedSuppliers).Name);
        Assert.Equal(DateTimeOffset.Parse("2026-02-20T23:59:59Z"), detail.Summary.StandstillEnd);
        Assert.Equal(AwardStatuses.Pending, Assert.Single(detail.Awards).Status);
    }

    [Fact]
    public void Compile_AwardAfterStandstill_SupplierHasWon()
    {
        var summary = FindATenderFixtures.Compile(Lifecycle, 7).Summary;

        Assert.Equal("Northgate Civic Digital Ltd", Assert.Single(summary.Suppliers).Name);
        Assert.Empty(summary.IntendedSuppliers);
        Assert.Null(summary.StandstillEnd);
    }

    [Fact]
    public void Compile_ContractChange_NewValueAndEndKeptWithHistory()
    {
        var detail = FindATenderFixtures.Compile(Lifecycle, 9);

        var contract = Assert.Single(detail.Contracts);
        Assert.Equal(1_300_000m, contract.Value);
        Assert.Equal(new DateOnly(2029, 9, 30), contract.End);
        var change = Assert.Single(contract.Changes);
        Assert.Contains("Accessibility audit", change.Description);
        Assert.Equal(new DateOnly(2029, 9, 30), detail.Summary.ContractEnd);
        // "2026-04-01T00:00:00+01:00" is 1 April where it was written, though 31 March in UTC.
        Assert.Equal(new DateOnly(2026, 4, 1), detail.Summary.ContractStart);
        Assert.Equal(ContractStatuses.Active, detail.Summary.ContractStatus);
    }

    [Fact]
    public void Compile_ContractTerminatedEarly_EndsOnTerminationDate()
    {
        var detail = FindATenderFixtures.Compile(Lifecycle);

        var contract = Assert.Single(detail.Contracts);
        Assert.Equal(ContractStatuses.Terminated, contract.Status);
        Assert.Equal(new DateOnly(2026, 10, 31), contract.TerminatedOn);
        Assert.Equal(new DateOnly(2029, 9, 30), contract.PlannedEnd);
        Assert.Contains("Breach of contract", contract.TerminationReason);
        Assert.Equal(new DateOnly(2026, 10, 31), detail.Summary.ContractEnd);
        Assert.Null(detail.Summary.ContractMaxExtension);
        Assert.Equal(ContractStatuses.Terminated, detail.Summary.ContractStatus);
        Assert.Equal(new DateOnly(2026, 10, 31), detail.Summary.TerminatedOn);
    }

    [Fact]
    public void Compile_BuyerKnownByPpon_IsTheLondonBorough()
    {
        var summary = FindATenderFixtures.Compile(Lifecycle).Summary;

        Assert.Equal("GB-GSS-E09000007", summary.Buyer!.Id);
        Assert.Equal("E09000007", summary.Buyer.GssCode);
        Assert.Equal(LegalBases.ProcurementAct2023, summary.LegalBasis);
        Assert.True(summary.AboveThreshold);
    }

    [Fact]
    public void Compile_SupplierWithPponAndCompaniesHouse_OneOrganisationAcrossNotices()
    {
        // Lambeth's call-off names Civica by Companies House number (PPON beside it); Southwark's by
        // PPON (Companies House number beside it, without its leading zero); the lots fixture by Companies House.
        var lambeth = FindATenderFixtures.Compile("call-off-03.json").Summary.Suppliers.Single();
        var southwark = FindATenderFixtures.Compile("call-off-04.json").Summary.Suppliers.Single();

        Assert.Equal("GB-COH-01628868", lambeth.Id);
        Assert.Equal(lambeth.Id, southwark.Id);
    }

    [Fact]
    public void Compile_ProcurementTerminated_StatusCancelledAndTypeShown()
    {
        var detail = FindATenderFixtures.Compile("tender-then-uk12.json");

        Assert.Equal("cancelled", detail.Summary.Status);
        Assert.Equal("UK12 Procurement termination notice", detail.Notices[^1].Label);
        Assert.Equal("UK12", detail.Summary.NoticeType);
    }

    [Fact]
    public void Compile_ThreeLotsTwoSuppliers_EachLotWithItsFactsAndWinner()
    {
        var detail = FindATenderFixtures.Compile("three-lots-two-suppliers.json");

        Assert.Equal(3, detail.Lots.Count);
        var (lot1, lot2, lot3) = (detail.Lots[0], detail.Lots[1], detail.Lots[2]);
        Assert.Equal("Civica UK Limited", Assert.Single(lot1.Suppliers).Name);
        Assert.Equal("Digital Inclusion North CIC", Assert.Single(lot2.Suppliers).Name);
        // Lot 3's other award was cancelled: its supplier never won.
        Assert.Equal("Digital Inclusion North CIC", Assert.Single(lot3.Suppliers).Name);
        Assert.Equal(["48161000"], lot1.Cpv);
        Assert.Equal(250_000m, lot2.Value);
        Assert.Equal(new DateOnly(2029, 5, 31), lot2.ContractEnd);
        Assert.True(lot2.SuitableForSme);
        Assert.Equal(["North East", "Yorkshire and The Humber"], lot3.Regions);

        Assert.Equal(2, detail.Summary.Suppliers.Count);
        Assert.DoesNotContain(detail.Summary.Suppliers, s => s.Name == "Cancelled Bidder Ltd");
        Assert.Contains(detail.Awards, a => a.Status == AwardStatuses.Cancelled);
        // Only lot 2 is marked suitable for SMEs: that makes the opportunity suitable.
        Assert.True(detail.Summary.SuitableForSme);
        Assert.Contains("48161000", detail.Summary.Cpv.Select(c => c.Code));
        Assert.Equal(1_300_000m, detail.Summary.Value);
        Assert.Equal(DateTimeOffset.Parse("2026-02-06T12:00:00Z"), detail.Summary.EnquiryDeadline);
    }

    [Fact]
    public void Compile_CountyCouncilDeliveringUkWide_UkWideNotItsOwnRegion()
    {
        var summary = FindATenderFixtures.Compile("three-lots-two-suppliers.json").Summary;

        Assert.Equal(Regions.UkWide, summary.Region);
        Assert.Equal(Regions.All.Order(), summary.Regions.Order());
        Assert.Equal(["UKC14", "UKC", "UKE"], summary.PlaceCodes);
    }

    [Fact]
    public void Compile_SeveralRegions_EachKept()
    {
        var summary = FindATenderFixtures.Compile("dynamic-market-open.json").Summary;

        Assert.Equal(["South East", "South West"], summary.Regions);
        Assert.Equal("South East, South West", summary.Region);
    }

    [Fact]
    public void Compile_OpenFramework_TechniqueSchemeEndAndRegime()
    {
        var detail = FindATenderFixtures.Compile("open-framework.json");

        Assert.Equal(Techniques.OpenFramework, detail.Summary.Technique);
        Assert.Equal(DateTimeOffset.Parse("2033-12-31T23:59:59Z"), detail.Framework!.SchemeEnd);
        Assert.Equal("open", detail.Framework.Type);
        Assert.Equal(["lightTouch"], detail.Summary.SpecialRegimes);
        Assert.False(detail.Summary.AdmitsSuppliers);
    }

    [Fact]
    public void Compile_CallOff_LinksItsFramework()
    {
        var detail = FindATenderFixtures.Compile("call-off-03.json");

        Assert.Equal("ocds-h6vhtk-0a1b02", detail.Summary.FrameworkOcid);
        Assert.Equal("framework", Assert.Single(detail.RelatedProcesses).Relationship);
    }

    [Fact]
    public void Compile_DynamicMarket_AdmitsSuppliersUntilCessation()
    {
        var open = FindATenderFixtures.Compile("dynamic-market-open.json").Summary;
        var ceased = FindATenderFixtures.Compile("dynamic-market-ceased.json").Summary;

        Assert.Equal(Techniques.DynamicMarket, open.Technique);
        Assert.True(open.AdmitsSuppliers);
        Assert.Null(open.Deadline);
        Assert.Equal("UK13 Dynamic market notice – establishment", NoticeTypes.Label(open.NoticeType!));
        Assert.False(ceased.AdmitsSuppliers);
        Assert.Equal("UK15", ceased.NoticeType);
        Assert.False(open.AboveThreshold);
    }

    [Fact]
    public void Compile_EveryFixture_EachProcurementActNoticeTypeReadWithItsStageAndName()
    {
        var notices = FindATenderFixtures.Files
            .SelectMany(file => FindATenderFixtures.Releases(Path.GetFileName(file)).GroupBy(r => r.Ocid))
            .Select(process => OpportunityCompiler.Compile([.. process.Select(r => new StoredRelease(r, "fts"))], new Thirty3.Domain.Cpv.CpvLabelCache()).Detail)
            .SelectMany(d => d.Notices)
            .ToList();

        foreach (var type in NoticeTypes.ProcurementAct)
        {
            var notice = notices.FirstOrDefault(n => n.NoticeType == type.Code);
            Assert.True(notice is not null, $"no fixture has a {type.Code} notice");
            Assert.Equal(type.Stage, notice.Stage);
            Assert.StartsWith(type.Label, notice.Label, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Compile_UnknownNoticeType_KeptAsSent()
    {
        var releases = FindATenderFixtures.Releases("tender-then-uk12.json");
        var tender = releases[0];
        tender.Json["tender"]!["documents"]![0]!["noticeType"] = "F02";
        var detail = Thirty3.Domain.Opportunities.OpportunityCompiler.Compile([new StoredRelease(tender, "fts")], new Thirty3.Domain.Cpv.CpvLabelCache()).Detail;

        Assert.Equal("F02", detail.Notices[0].NoticeType);
        Assert.Equal("F02", detail.Notices[0].Label);
        Assert.Equal(["F02"], detail.Summary.NoticeTypes);
    }

    [Fact]
    public void ToDocument_DynamicMarketAdmittingSuppliers_OpenWithoutDeadline()
    {
        var doc = OpportunityDocuments.ToDocument(FindATenderFixtures.Compile("dynamic-market-open.json"));
        var ceased = OpportunityDocuments.ToDocument(FindATenderFixtures.Compile("dynamic-market-ceased.json"));

        Assert.True(doc.Dates[OpportunityIndex.OpenUntil] > DateTimeOffset.UtcNow.AddYears(100));
        Assert.False(ceased.Dates.ContainsKey(OpportunityIndex.OpenUntil));
        Assert.Equal(["South East", "South West"], doc.Keywords[OpportunityIndex.Region]);
        Assert.Equal(["UK13"], doc.Keywords[OpportunityIndex.NoticeType]);
        Assert.Equal([Thresholds.Below], doc.Keywords[OpportunityIndex.Threshold]);
    }
}
