namespace SalesMentor.Core.Matching;

/// <summary>
/// Who sits with which mentor: per mentor a block of seats [SlotStart[j], SlotStart[j] + Capacity[j]) whose first
/// Load[j] entries are its mentees, and per mentee its mentor and seat. Add and remove are O(1).
/// </summary>
internal sealed class Seats
{
    internal Seats(int mentees, int[] capacity, int[] slotStart)
    {
        Capacity = capacity;
        SlotStart = slotStart;
        SlotMentee = new int[slotStart[^1]];
        Load = new int[capacity.Length];
        MentorOf = new int[mentees];
        SeatOf = new int[mentees];
        Array.Fill(MentorOf, -1);
    }

    internal int[] Capacity { get; }

    internal int[] SlotStart { get; }

    internal int[] SlotMentee { get; }

    internal int[] Load { get; }

    internal int[] MentorOf { get; }

    private int[] SeatOf { get; }

    internal bool HasSeat(int mentor) => Load[mentor] < Capacity[mentor];

    internal void Add(int mentee, int mentor)
    {
        var seat = SlotStart[mentor] + Load[mentor]++;
        SlotMentee[seat] = mentee;
        SeatOf[mentee] = seat;
        MentorOf[mentee] = mentor;
    }

    internal void Remove(int mentee)
    {
        var mentor = MentorOf[mentee];
        var seat = SeatOf[mentee];
        var last = SlotStart[mentor] + --Load[mentor];
        var moved = SlotMentee[last];
        SlotMentee[seat] = moved;
        SeatOf[moved] = seat;
        MentorOf[mentee] = -1;
    }

    /// <summary>Empties every seat.</summary>
    internal void Clear()
    {
        Array.Clear(Load);
        Array.Fill(MentorOf, -1);
    }
}
