using SalesMentor.App.Common;
using SalesMentor.App.Data;
using SalesMentor.App.Kpis;
using SalesMentor.App.Security;

namespace SalesMentor.App.Features.Matching;

/// <summary>The matching board of a program, for its managers (see <see cref="BoardView"/>).</summary>
public sealed class GetMatchingBoard(SalesMentorDb db, Access access, KpiCache kpis, OrgClock today)
{
    public async Task<Result<BoardView>> HandleAsync(Actor actor, Guid programId, CancellationToken ct)
    {
        var program = await ManagedProgram.LoadAsync(access, actor, programId, tracking: false, ct);
        if (!program.IsSuccess) return program.Error!;
        var data = await MatchingData.LoadAsync(db, access, kpis, program.Value, await today.TodayAsync(ct), ct);
        return BoardReader.Read(data);
    }
}
