using SalesMentor.Core.People;

namespace SalesMentor.Core.Tests.People;

public class HierarchyTests
{
    private static readonly PersonId Vp = P(1), ManagerA = P(2), ManagerB = P(3), RepA = P(4), RepB = P(5), RepC = P(6);

    private static PersonId P(int n) => new(new Guid(n, 0, 0, new byte[8]));

    private static Hierarchy Org() => new([
        (Vp, null), (ManagerA, Vp), (ManagerB, Vp), (RepA, ManagerA), (RepB, ManagerA), (RepC, ManagerB),
    ]);

    [Fact]
    public void ChainOf_ListsManagersUpward()
    {
        Assert.Equal([ManagerA, Vp], Org().ChainOf(RepA));
        Assert.Empty(Org().ChainOf(Vp));
    }

    [Theory]
    [InlineData(1, 4, true)]
    [InlineData(2, 4, true)]
    [InlineData(3, 4, false)]
    [InlineData(4, 4, false)]
    [InlineData(4, 2, false)]
    public void IsAbove_FollowsTheWholeChain(int manager, int person, bool expected) =>
        Assert.Equal(expected, Org().IsAbove(P(manager), P(person)));

    [Fact]
    public void Below_IncludesReportsOfReports()
    {
        Assert.Equal(new[] { ManagerA, ManagerB, RepA, RepB, RepC }.Order(), Org().Below(Vp).Order());
        Assert.Equal(new[] { RepA, RepB }.Order(), Org().Below(ManagerA).Order());
        Assert.Empty(Org().Below(RepC));
    }

    [Fact]
    public void UnknownManager_IsTreatedAsNoManager()
    {
        var tree = new Hierarchy([(RepA, P(99))]);
        Assert.Null(tree.ManagerOf(RepA));
        Assert.Equal([RepA], tree.Roots);
    }

    [Fact]
    public void SelfManager_IsIgnored()
    {
        var tree = new Hierarchy([(RepA, RepA)]);
        Assert.Empty(tree.Cycles());
        Assert.Null(tree.ManagerOf(RepA));
    }

    [Fact]
    public void Cycles_AreReportedWithTheirMembers()
    {
        var tree = new Hierarchy([(Vp, null), (RepA, RepB), (RepB, RepC), (RepC, RepA), (ManagerA, RepA)]);
        var cycle = Assert.Single(tree.Cycles());
        Assert.Equal(new[] { RepA, RepB, RepC }.Order(), cycle.Order());
        Assert.Equal(3, tree.ChainOf(ManagerA).Count);
        Assert.DoesNotContain(RepA, tree.Roots);
    }

    [Fact]
    public void Cycles_EmptyForATree() => Assert.Empty(Org().Cycles());

    [Fact]
    public void DeepChain_DoesNotOverflow()
    {
        var edges = Enumerable.Range(1, 20_000).Select(i => (P(i), i == 1 ? (PersonId?)null : P(i - 1))).ToList();
        var tree = new Hierarchy(edges);
        Assert.Equal(19_999, tree.ChainOf(P(20_000)).Count);
        Assert.Equal(19_999, tree.Below(P(1)).Count);
        Assert.Empty(tree.Cycles());
    }
}
