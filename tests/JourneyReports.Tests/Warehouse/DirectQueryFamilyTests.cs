namespace JourneyReports.Tests;

/// <summary>
/// The rest of the ported families, on SQL Server: each test here is its DuckDB twin's own act and assertions
/// (the <c>..._On(JourneyMetrics)</c> method of the DuckDB test class) on a scratch SQL Server database holding that
/// class's fixture. Skipped with the reason unless JOURNEYREPORTS_TEST_SQLSERVER names a server.
/// </summary>
public sealed class DirectQueryFamilyTests
{
    // FunnelDetailTests
    [SqlServerFact]
    public async Task FunnelDetail_FunnelDetail_HasTheOrderedFunnel_TheUnorderedReach_AndTheHoursBetweenStages()
    {
        await using var s = await SqlServerWarehouse.SeededAsync(JourneyFixture.Sql);
        await FunnelDetailTests.FunnelDetail_HasTheOrderedFunnel_TheUnorderedReach_AndTheHoursBetweenStages_On(s.Metrics);
    }

    [SqlServerFact]
    public async Task FunnelDetail_FunnelBy_Persona_AttachesEachVisitorsPersona_AnonymousAsUnknown()
    {
        await using var s = await SqlServerWarehouse.SeededAsync(JourneyFixture.Sql);
        await FunnelDetailTests.FunnelBy_Persona_AttachesEachVisitorsPersona_AnonymousAsUnknown_On(s.Metrics);
    }

    [SqlServerTheory]
    [InlineData("channel")]
    [InlineData("device")]
    [InlineData("department")]
    [InlineData("region")]
    public async Task FunnelDetail_FunnelBy_EachValueIsTheFunnelFilteredToIt(string dimension)
    {
        await using var s = await SqlServerWarehouse.SeededAsync(JourneyFixture.Sql);
        await FunnelDetailTests.FunnelBy_EachValueIsTheFunnelFilteredToIt_On(s.Metrics, dimension);
    }

    [SqlServerFact]
    public async Task FunnelDetail_FunnelBy_Channel_And_Department_ByHand()
    {
        await using var s = await SqlServerWarehouse.SeededAsync(JourneyFixture.Sql);
        await FunnelDetailTests.FunnelBy_Channel_And_Department_ByHand_On(s.Metrics);
    }

    [SqlServerFact]
    public async Task FunnelDetail_FunnelBy_HonoursTheFilter()
    {
        await using var s = await SqlServerWarehouse.SeededAsync(JourneyFixture.Sql);
        await FunnelDetailTests.FunnelBy_HonoursTheFilter_On(s.Metrics);
    }

    // TouchpointTests
    [SqlServerFact]
    public async Task Touchpoint_Touchpoints_AreSharesOfTheStagesVisitors_SoTheyCanAddUpToMoreThanOne()
    {
        await using var s = await SqlServerWarehouse.SeededAsync(JourneyFixture.Sql);
        await TouchpointTests.Touchpoints_AreSharesOfTheStagesVisitors_SoTheyCanAddUpToMoreThanOne_On(s.Metrics);
    }

    [SqlServerFact]
    public async Task Touchpoint_Touchpoints_HonourTheFilter()
    {
        await using var s = await SqlServerWarehouse.SeededAsync(JourneyFixture.Sql);
        await TouchpointTests.Touchpoints_HonourTheFilter_On(s.Metrics);
    }

    [SqlServerFact]
    public async Task Touchpoint_CrossChannel_CountsChannelsAndDevices_UpToTheFirstPurchase_WithinTheLookback()
    {
        await using var s = await SqlServerWarehouse.SeededAsync(JourneyFixture.Sql);
        await TouchpointTests.CrossChannel_CountsChannelsAndDevices_UpToTheFirstPurchase_WithinTheLookback_On(s.Metrics);
    }

    [SqlServerFact]
    public async Task Touchpoint_CrossChannel_AShorterLookback_LeavesOutEarlierTouches()
    {
        await using var s = await SqlServerWarehouse.SeededAsync(JourneyFixture.Sql);
        await TouchpointTests.CrossChannel_AShorterLookback_LeavesOutEarlierTouches_On(s.Metrics);
    }

    [SqlServerFact]
    public async Task Touchpoint_CrossChannel_HonoursTheFilter_AndIsEmptyWithoutPurchasers()
    {
        await using var s = await SqlServerWarehouse.SeededAsync(JourneyFixture.Sql);
        await TouchpointTests.CrossChannel_HonoursTheFilter_AndIsEmptyWithoutPurchasers_On(s.Metrics);
    }

    // DepartmentTests
    [SqlServerFact]
    public async Task Department_Departments_HaveTheirKpisAndFunnel_MostRevenueFirst()
    {
        await using var s = await SqlServerWarehouse.SeededAsync(JourneyFixture.Sql);
        await DepartmentTests.Departments_HaveTheirKpisAndFunnel_MostRevenueFirst_On(s.Metrics);
    }

    [SqlServerTheory]
    [InlineData("Home")]
    [InlineData("Electronics")]
    public async Task Department_EachDepartment_MatchesTheDepartmentFilter(string department)
    {
        await using var s = await SqlServerWarehouse.SeededAsync(JourneyFixture.Sql);
        await DepartmentTests.EachDepartment_MatchesTheDepartmentFilter_On(s.Metrics, department);
    }

    [SqlServerFact]
    public async Task Department_Departments_WithoutActivity_AreListedWithZeros()
    {
        await using var s = await SqlServerWarehouse.SeededAsync(JourneyFixture.Sql);
        await DepartmentTests.Departments_WithoutActivity_AreListedWithZeros_On(s.Metrics);
    }

    // RetentionMetricsTests
    [SqlServerFact]
    public async Task RetentionMetrics_MonthlyCohorts_ShareOfEachCohortOrderingInEachLaterMonth_UpToTheNewestOrder()
    {
        await using var s = await SqlServerWarehouse.SeededAsync(RetentionMetricsTests.FixtureSql);
        await RetentionMetricsTests.MonthlyCohorts_ShareOfEachCohortOrderingInEachLaterMonth_UpToTheNewestOrder_On(s.Metrics);
    }

    [SqlServerFact]
    public async Task RetentionMetrics_WeeklyCohorts_CountWeeksFromTheMondayOfTheFirstOrder()
    {
        await using var s = await SqlServerWarehouse.SeededAsync(RetentionMetricsTests.FixtureSql);
        await RetentionMetricsTests.WeeklyCohorts_CountWeeksFromTheMondayOfTheFirstOrder_On(s.Metrics);
    }

    [SqlServerFact]
    public async Task RetentionMetrics_PersonaFilter_NarrowsTheCohorts()
    {
        await using var s = await SqlServerWarehouse.SeededAsync(RetentionMetricsTests.FixtureSql);
        await RetentionMetricsTests.PersonaFilter_NarrowsTheCohorts_On(s.Metrics);
    }

    [SqlServerFact]
    public async Task RetentionMetrics_RepeatPurchase_CustomersWithTwoOrMoreOrdersInThePeriod()
    {
        await using var s = await SqlServerWarehouse.SeededAsync(RetentionMetricsTests.FixtureSql);
        await RetentionMetricsTests.RepeatPurchase_CustomersWithTwoOrMoreOrdersInThePeriod_On(s.Metrics);
    }

    [SqlServerFact]
    public async Task RetentionMetrics_Churn_AsOfThePeriodEnd_ComparesChurnedAndRetainedCustomers()
    {
        await using var s = await SqlServerWarehouse.SeededAsync(RetentionMetricsTests.FixtureSql);
        await RetentionMetricsTests.Churn_AsOfThePeriodEnd_ComparesChurnedAndRetainedCustomers_On(s.Metrics);
    }

    [SqlServerFact]
    public async Task RetentionMetrics_Churn_PersonaFilter_CountsOnlyThatPersona()
    {
        await using var s = await SqlServerWarehouse.SeededAsync(RetentionMetricsTests.FixtureSql);
        await RetentionMetricsTests.Churn_PersonaFilter_CountsOnlyThatPersona_On(s.Metrics);
    }

    [SqlServerFact]
    public async Task RetentionMetrics_ChurnedVsRetained_AreTwoRows_ChurnedFirst_ForTablesAndCharts()
    {
        await using var s = await SqlServerWarehouse.SeededAsync(RetentionMetricsTests.FixtureSql);
        await RetentionMetricsTests.ChurnedVsRetained_AreTwoRows_ChurnedFirst_ForTablesAndCharts_On(s.Metrics);
    }

    // PathsTests
    [SqlServerFact]
    public async Task Paths_Conversion_CollapsesRepeats_StopsAtThePurchase_AndKeepsTheLastStepsOfLongPaths()
    {
        await using var s = await SqlServerWarehouse.SeededAsync(PathsTests.FixtureSql);
        await PathsTests.Conversion_CollapsesRepeats_StopsAtThePurchase_AndKeepsTheLastStepsOfLongPaths_On(s.Metrics);
    }

    [SqlServerFact]
    public async Task Paths_LengthCapAndTop_CutPathsAndRows_ButSharesStayOfAllConverters()
    {
        await using var s = await SqlServerWarehouse.SeededAsync(PathsTests.FixtureSql);
        await PathsTests.LengthCapAndTop_CutPathsAndRows_ButSharesStayOfAllConverters_On(s.Metrics);
    }

    [SqlServerFact]
    public async Task Paths_DropOff_IsVisitorsWhoReachedDecisionButNotPurchase()
    {
        await using var s = await SqlServerWarehouse.SeededAsync(PathsTests.FixtureSql);
        await PathsTests.DropOff_IsVisitorsWhoReachedDecisionButNotPurchase_On(s.Metrics);
    }

    [SqlServerFact]
    public async Task Paths_PersonaFilter_KeepsOnlyThatPersonasVisitors()
    {
        await using var s = await SqlServerWarehouse.SeededAsync(PathsTests.FixtureSql);
        await PathsTests.PersonaFilter_KeepsOnlyThatPersonasVisitors_On(s.Metrics);
    }

    // FlowTests
    [SqlServerFact]
    public async Task Flow_Flow_CountsTransitionsBetweenDistinctConsecutiveNodes()
    {
        await using var s = await SqlServerWarehouse.SeededAsync(FlowTests.FixtureSql);
        await FlowTests.Flow_CountsTransitionsBetweenDistinctConsecutiveNodes_On(s.Metrics);
    }

    [SqlServerFact]
    public async Task Flow_Flow_TopAndFilter_NarrowTheLinks()
    {
        await using var s = await SqlServerWarehouse.SeededAsync(FlowTests.FixtureSql);
        await FlowTests.Flow_TopAndFilter_NarrowTheLinks_On(s.Metrics);
    }

    // AttributionTests
    [SqlServerFact]
    public async Task Attribution_FirstAndLastTouch_CreditOneChannelPerOrder()
    {
        await using var s = await SqlServerWarehouse.SeededAsync(AttributionTests.FixtureSql);
        await AttributionTests.FirstAndLastTouch_CreditOneChannelPerOrder_On(s.Metrics);
    }

    [SqlServerFact]
    public async Task Attribution_Linear_SharesEqually()
    {
        await using var s = await SqlServerWarehouse.SeededAsync(AttributionTests.FixtureSql);
        await AttributionTests.Linear_SharesEqually_On(s.Metrics);
    }

    [SqlServerFact]
    public async Task Attribution_PositionBased_Gives40PercentToEachEnd_AndHalvesTwoTouches()
    {
        await using var s = await SqlServerWarehouse.SeededAsync(AttributionTests.FixtureSql);
        await AttributionTests.PositionBased_Gives40PercentToEachEnd_AndHalvesTwoTouches_On(s.Metrics);
    }

    [SqlServerFact]
    public async Task Attribution_TimeDecay_HalvesTheWeightEveryHalfLife()
    {
        await using var s = await SqlServerWarehouse.SeededAsync(AttributionTests.FixtureSql);
        await AttributionTests.TimeDecay_HalvesTheWeightEveryHalfLife_On(s.Metrics);
    }

    [SqlServerFact]
    public async Task Attribution_Markov_CreditsByNormalisedRemovalEffect()
    {
        await using var s = await SqlServerWarehouse.SeededAsync(AttributionTests.FixtureSql);
        await AttributionTests.Markov_CreditsByNormalisedRemovalEffect_On(s.Metrics);
    }

    [SqlServerFact]
    public async Task Attribution_EveryModel_AddsUpToThePeriodsOrdersAndRevenue()
    {
        await using var s = await SqlServerWarehouse.SeededAsync(AttributionTests.FixtureSql);
        await AttributionTests.EveryModel_AddsUpToThePeriodsOrdersAndRevenue_On(s.Metrics);
    }

    [SqlServerFact]
    public async Task Attribution_PersonaFilter_KeepsOnlyThatPersonasOrdersAndJourneys()
    {
        await using var s = await SqlServerWarehouse.SeededAsync(AttributionTests.FixtureSql);
        await AttributionTests.PersonaFilter_KeepsOnlyThatPersonasOrdersAndJourneys_On(s.Metrics);
    }

    [SqlServerFact]
    public async Task Attribution_ALongerLookback_ReachesTheOlderClick()
    {
        await using var s = await SqlServerWarehouse.SeededAsync(AttributionTests.FixtureSql);
        await AttributionTests.ALongerLookback_ReachesTheOlderClick_On(s.Metrics);
    }

    // JourneyKpiTests
    [SqlServerFact]
    public async Task JourneyKpi_JourneyKpis_ForTheWeek_AgainstTheWeekBefore()
    {
        await using var s = await SqlServerWarehouse.SeededAsync(JourneyFixture.Sql);
        await JourneyKpiTests.JourneyKpis_ForTheWeek_AgainstTheWeekBefore_On(s.Metrics);
    }

    [SqlServerFact]
    public async Task JourneyKpi_JourneyKpis_ChurnDays_SetsHowFarBackTheActiveCustomersAreTaken()
    {
        await using var s = await SqlServerWarehouse.SeededAsync(JourneyFixture.Sql);
        await JourneyKpiTests.JourneyKpis_ChurnDays_SetsHowFarBackTheActiveCustomersAreTaken_On(s.Metrics);
    }

    [SqlServerFact]
    public async Task JourneyKpi_JourneyKpis_AnExplicitComparison_AndAFilter()
    {
        await using var s = await SqlServerWarehouse.SeededAsync(JourneyFixture.Sql);
        await JourneyKpiTests.JourneyKpis_AnExplicitComparison_AndAFilter_On(s.Metrics);
    }

    // ExperienceMetricsTests
    [SqlServerFact]
    public async Task ExperienceMetrics_ByStage_ScoresEachQuestionOnItsOwnAnswers_InFunnelOrder()
    {
        await using var s = await SqlServerWarehouse.SeededAsync(ExperienceExpectations.FixtureSql);
        await ExperienceMetricsTests.ByStage_ScoresEachQuestionOnItsOwnAnswers_InFunnelOrder_On(s.Metrics);
    }

    [SqlServerFact]
    public async Task ExperienceMetrics_ByTouchpoint_GroupsTheSameAnswersByTouchpoint()
    {
        await using var s = await SqlServerWarehouse.SeededAsync(ExperienceExpectations.FixtureSql);
        await ExperienceMetricsTests.ByTouchpoint_GroupsTheSameAnswersByTouchpoint_On(s.Metrics);
    }

    [SqlServerFact]
    public async Task ExperienceMetrics_PersonaFilter_KeepsOnlyThatPersonasAnswers()
    {
        await using var s = await SqlServerWarehouse.SeededAsync(ExperienceExpectations.FixtureSql);
        await ExperienceMetricsTests.PersonaFilter_KeepsOnlyThatPersonasAnswers_On(s.Metrics);
    }

    [SqlServerFact]
    public async Task ExperienceMetrics_Trend_OnePointPerWeekOrMonth_ZeroWhereNothingWasAnswered()
    {
        await using var s = await SqlServerWarehouse.SeededAsync(ExperienceExpectations.FixtureSql);
        await ExperienceMetricsTests.Trend_OnePointPerWeekOrMonth_ZeroWhereNothingWasAnswered_On(s.Metrics);
    }

    [SqlServerFact]
    public async Task ExperienceMetrics_WaitTime_GivesEachEffortAnswerToTheLatestTicketBeforeIt()
    {
        await using var s = await SqlServerWarehouse.SeededAsync(ExperienceExpectations.FixtureSql);
        await ExperienceMetricsTests.WaitTime_GivesEachEffortAnswerToTheLatestTicketBeforeIt_On(s.Metrics);
    }
}
