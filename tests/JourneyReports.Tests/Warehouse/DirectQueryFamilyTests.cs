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
    public Task FunnelDetail_FunnelDetail_HasTheOrderedFunnel_TheUnorderedReach_AndTheHoursBetweenStages() =>
        On(JourneyFixture.Sql, m => FunnelDetailTests.FunnelDetail_HasTheOrderedFunnel_TheUnorderedReach_AndTheHoursBetweenStages_On(m));

    [SqlServerFact]
    public Task FunnelDetail_FunnelBy_Persona_AttachesEachVisitorsPersona_AnonymousAsUnknown() =>
        On(JourneyFixture.Sql, m => FunnelDetailTests.FunnelBy_Persona_AttachesEachVisitorsPersona_AnonymousAsUnknown_On(m));

    [SqlServerTheory]
    [InlineData("channel")]
    [InlineData("device")]
    [InlineData("department")]
    [InlineData("region")]
    public Task FunnelDetail_FunnelBy_EachValueIsTheFunnelFilteredToIt(string dimension) =>
        On(JourneyFixture.Sql, m => FunnelDetailTests.FunnelBy_EachValueIsTheFunnelFilteredToIt_On(m, dimension));

    [SqlServerFact]
    public Task FunnelDetail_FunnelBy_Channel_And_Department_ByHand() =>
        On(JourneyFixture.Sql, m => FunnelDetailTests.FunnelBy_Channel_And_Department_ByHand_On(m));

    [SqlServerFact]
    public Task FunnelDetail_FunnelBy_HonoursTheFilter() =>
        On(JourneyFixture.Sql, m => FunnelDetailTests.FunnelBy_HonoursTheFilter_On(m));

    // TouchpointTests
    [SqlServerFact]
    public Task Touchpoint_Touchpoints_AreSharesOfTheStagesVisitors_SoTheyCanAddUpToMoreThanOne() =>
        On(JourneyFixture.Sql, m => TouchpointTests.Touchpoints_AreSharesOfTheStagesVisitors_SoTheyCanAddUpToMoreThanOne_On(m));

    [SqlServerFact]
    public Task Touchpoint_Touchpoints_HonourTheFilter() =>
        On(JourneyFixture.Sql, m => TouchpointTests.Touchpoints_HonourTheFilter_On(m));

    [SqlServerFact]
    public Task Touchpoint_CrossChannel_CountsChannelsAndDevices_UpToTheFirstPurchase_WithinTheLookback() =>
        On(JourneyFixture.Sql, m => TouchpointTests.CrossChannel_CountsChannelsAndDevices_UpToTheFirstPurchase_WithinTheLookback_On(m));

    [SqlServerFact]
    public Task Touchpoint_CrossChannel_AShorterLookback_LeavesOutEarlierTouches() =>
        On(JourneyFixture.Sql, m => TouchpointTests.CrossChannel_AShorterLookback_LeavesOutEarlierTouches_On(m));

    [SqlServerFact]
    public Task Touchpoint_CrossChannel_HonoursTheFilter_AndIsEmptyWithoutPurchasers() =>
        On(JourneyFixture.Sql, m => TouchpointTests.CrossChannel_HonoursTheFilter_AndIsEmptyWithoutPurchasers_On(m));

    // DepartmentTests
    [SqlServerFact]
    public Task Department_Departments_HaveTheirKpisAndFunnel_MostRevenueFirst() =>
        On(JourneyFixture.Sql, m => DepartmentTests.Departments_HaveTheirKpisAndFunnel_MostRevenueFirst_On(m));

    [SqlServerTheory]
    [InlineData("Home")]
    [InlineData("Electronics")]
    public Task Department_EachDepartment_MatchesTheDepartmentFilter(string department) =>
        On(JourneyFixture.Sql, m => DepartmentTests.EachDepartment_MatchesTheDepartmentFilter_On(m, department));

    [SqlServerFact]
    public Task Department_Departments_WithoutActivity_AreListedWithZeros() =>
        On(JourneyFixture.Sql, m => DepartmentTests.Departments_WithoutActivity_AreListedWithZeros_On(m));

    // RetentionMetricsTests
    [SqlServerFact]
    public Task RetentionMetrics_MonthlyCohorts_ShareOfEachCohortOrderingInEachLaterMonth_UpToTheNewestOrder() =>
        On(RetentionMetricsTests.FixtureSql, m => RetentionMetricsTests.MonthlyCohorts_ShareOfEachCohortOrderingInEachLaterMonth_UpToTheNewestOrder_On(m));

    [SqlServerFact]
    public Task RetentionMetrics_WeeklyCohorts_CountWeeksFromTheMondayOfTheFirstOrder() =>
        On(RetentionMetricsTests.FixtureSql, m => RetentionMetricsTests.WeeklyCohorts_CountWeeksFromTheMondayOfTheFirstOrder_On(m));

    [SqlServerFact]
    public Task RetentionMetrics_PersonaFilter_NarrowsTheCohorts() =>
        On(RetentionMetricsTests.FixtureSql, m => RetentionMetricsTests.PersonaFilter_NarrowsTheCohorts_On(m));

    [SqlServerFact]
    public Task RetentionMetrics_RepeatPurchase_CustomersWithTwoOrMoreOrdersInThePeriod() =>
        On(RetentionMetricsTests.FixtureSql, m => RetentionMetricsTests.RepeatPurchase_CustomersWithTwoOrMoreOrdersInThePeriod_On(m));

    [SqlServerFact]
    public Task RetentionMetrics_Churn_AsOfThePeriodEnd_ComparesChurnedAndRetainedCustomers() =>
        On(RetentionMetricsTests.FixtureSql, m => RetentionMetricsTests.Churn_AsOfThePeriodEnd_ComparesChurnedAndRetainedCustomers_On(m));

    [SqlServerFact]
    public Task RetentionMetrics_Churn_PersonaFilter_CountsOnlyThatPersona() =>
        On(RetentionMetricsTests.FixtureSql, m => RetentionMetricsTests.Churn_PersonaFilter_CountsOnlyThatPersona_On(m));

    [SqlServerFact]
    public Task RetentionMetrics_ChurnedVsRetained_AreTwoRows_ChurnedFirst_ForTablesAndCharts() =>
        On(RetentionMetricsTests.FixtureSql, m => RetentionMetricsTests.ChurnedVsRetained_AreTwoRows_ChurnedFirst_ForTablesAndCharts_On(m));

    // PathsTests
    [SqlServerFact]
    public Task Paths_Conversion_CollapsesRepeats_StopsAtThePurchase_AndKeepsTheLastStepsOfLongPaths() =>
        On(PathsTests.FixtureSql, m => PathsTests.Conversion_CollapsesRepeats_StopsAtThePurchase_AndKeepsTheLastStepsOfLongPaths_On(m));

    [SqlServerFact]
    public Task Paths_LengthCapAndTop_CutPathsAndRows_ButSharesStayOfAllConverters() =>
        On(PathsTests.FixtureSql, m => PathsTests.LengthCapAndTop_CutPathsAndRows_ButSharesStayOfAllConverters_On(m));

    [SqlServerFact]
    public Task Paths_DropOff_IsVisitorsWhoReachedDecisionButNotPurchase() =>
        On(PathsTests.FixtureSql, m => PathsTests.DropOff_IsVisitorsWhoReachedDecisionButNotPurchase_On(m));

    [SqlServerFact]
    public Task Paths_PersonaFilter_KeepsOnlyThatPersonasVisitors() =>
        On(PathsTests.FixtureSql, m => PathsTests.PersonaFilter_KeepsOnlyThatPersonasVisitors_On(m));

    // FlowTests
    [SqlServerFact]
    public Task Flow_Flow_CountsTransitionsBetweenDistinctConsecutiveNodes() =>
        On(FlowTests.FixtureSql, m => FlowTests.Flow_CountsTransitionsBetweenDistinctConsecutiveNodes_On(m));

    [SqlServerFact]
    public Task Flow_Flow_TopAndFilter_NarrowTheLinks() =>
        On(FlowTests.FixtureSql, m => FlowTests.Flow_TopAndFilter_NarrowTheLinks_On(m));

    // AttributionTests
    [SqlServerFact]
    public Task Attribution_FirstAndLastTouch_CreditOneChannelPerOrder() =>
        On(AttributionTests.FixtureSql, m => AttributionTests.FirstAndLastTouch_CreditOneChannelPerOrder_On(m));

    [SqlServerFact]
    public Task Attribution_Linear_SharesEqually() =>
        On(AttributionTests.FixtureSql, m => AttributionTests.Linear_SharesEqually_On(m));

    [SqlServerFact]
    public Task Attribution_PositionBased_Gives40PercentToEachEnd_AndHalvesTwoTouches() =>
        On(AttributionTests.FixtureSql, m => AttributionTests.PositionBased_Gives40PercentToEachEnd_AndHalvesTwoTouches_On(m));

    [SqlServerFact]
    public Task Attribution_TimeDecay_HalvesTheWeightEveryHalfLife() =>
        On(AttributionTests.FixtureSql, m => AttributionTests.TimeDecay_HalvesTheWeightEveryHalfLife_On(m));

    [SqlServerFact]
    public Task Attribution_Markov_CreditsByNormalisedRemovalEffect() =>
        On(AttributionTests.FixtureSql, m => AttributionTests.Markov_CreditsByNormalisedRemovalEffect_On(m));

    [SqlServerFact]
    public Task Attribution_EveryModel_AddsUpToThePeriodsOrdersAndRevenue() =>
        On(AttributionTests.FixtureSql, m => AttributionTests.EveryModel_AddsUpToThePeriodsOrdersAndRevenue_On(m));

    [SqlServerFact]
    public Task Attribution_PersonaFilter_KeepsOnlyThatPersonasOrdersAndJourneys() =>
        On(AttributionTests.FixtureSql, m => AttributionTests.PersonaFilter_KeepsOnlyThatPersonasOrdersAndJourneys_On(m));

    [SqlServerFact]
    public Task Attribution_ALongerLookback_ReachesTheOlderClick() =>
        On(AttributionTests.FixtureSql, m => AttributionTests.ALongerLookback_ReachesTheOlderClick_On(m));

    // JourneyKpiTests
    [SqlServerFact]
    public Task JourneyKpi_JourneyKpis_ForTheWeek_AgainstTheWeekBefore() =>
        On(JourneyFixture.Sql, m => JourneyKpiTests.JourneyKpis_ForTheWeek_AgainstTheWeekBefore_On(m));

    [SqlServerFact]
    public Task JourneyKpi_JourneyKpis_ChurnDays_SetsHowFarBackTheActiveCustomersAreTaken() =>
        On(JourneyFixture.Sql, m => JourneyKpiTests.JourneyKpis_ChurnDays_SetsHowFarBackTheActiveCustomersAreTaken_On(m));

    [SqlServerFact]
    public Task JourneyKpi_JourneyKpis_AnExplicitComparison_AndAFilter() =>
        On(JourneyFixture.Sql, m => JourneyKpiTests.JourneyKpis_AnExplicitComparison_AndAFilter_On(m));

    // ExperienceMetricsTests
    [SqlServerFact]
    public Task ExperienceMetrics_ByStage_ScoresEachQuestionOnItsOwnAnswers_InFunnelOrder() =>
        On(ExperienceExpectations.FixtureSql, m => ExperienceMetricsTests.ByStage_ScoresEachQuestionOnItsOwnAnswers_InFunnelOrder_On(m));

    [SqlServerFact]
    public Task ExperienceMetrics_ByTouchpoint_GroupsTheSameAnswersByTouchpoint() =>
        On(ExperienceExpectations.FixtureSql, m => ExperienceMetricsTests.ByTouchpoint_GroupsTheSameAnswersByTouchpoint_On(m));

    [SqlServerFact]
    public Task ExperienceMetrics_PersonaFilter_KeepsOnlyThatPersonasAnswers() =>
        On(ExperienceExpectations.FixtureSql, m => ExperienceMetricsTests.PersonaFilter_KeepsOnlyThatPersonasAnswers_On(m));

    [SqlServerFact]
    public Task ExperienceMetrics_Trend_OnePointPerWeekOrMonth_ZeroWhereNothingWasAnswered() =>
        On(ExperienceExpectations.FixtureSql, m => ExperienceMetricsTests.Trend_OnePointPerWeekOrMonth_ZeroWhereNothingWasAnswered_On(m));

    [SqlServerFact]
    public Task ExperienceMetrics_WaitTime_GivesEachEffortAnswerToTheLatestTicketBeforeIt() =>
        On(ExperienceExpectations.FixtureSql, m => ExperienceMetricsTests.WaitTime_GivesEachEffortAnswerToTheLatestTicketBeforeIt_On(m));

    /// <summary>A scratch SQL Server database holding <paramref name="fixture"/>, and the DuckDB twin's act and assertions on it.</summary>
    static async Task On(string fixture, Func<JourneyMetrics, Task> test)
    {
        await using var s = await SqlServerWarehouse.SeededAsync(fixture);
        await test(s.Metrics);
    }
}
