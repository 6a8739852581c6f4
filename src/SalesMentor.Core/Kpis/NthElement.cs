namespace SalesMentor.Core.Kpis;

/// <summary>Median by selection (quickselect) on a scratch span, in expected linear time, reordering it.</summary>
internal static class NthElement
{
    /// <summary>
    /// The median of <paramref name="values"/> (non-empty): the middle value for an odd count, the mean of the two
    /// middle values for an even count. Reorders <paramref name="values"/>.
    /// </summary>
    internal static double Median(Span<int> values)
    {
        var n = values.Length;
        if (n == 0) throw new ArgumentException("The median of nothing is undefined.", nameof(values));
        var upper = n / 2;
        if (n % 2 == 1) return Select(values, upper);
        var low = Select(values, upper - 1);
        // After selecting index upper − 1, everything after it is ≥ it; the next order statistic is their minimum.
        var high = int.MaxValue;
        foreach (var value in values[upper..])
        {
            if (value < high) high = value;
        }

        return ((double)low + high) / 2;
    }

    /// <summary>The k-th smallest value (0-based); afterwards values[..k] ≤ values[k] ≤ values[(k+1)..].</summary>
    internal static int Select(Span<int> values, int k)
    {
        var left = 0;
        var right = values.Length - 1;
        while (right - left > 16)
        {
            // Median of three as pivot, then Hoare partition.
            var middle = left + ((right - left) / 2);
            if (values[middle] < values[left]) Swap(values, middle, left);
            if (values[right] < values[left]) Swap(values, right, left);
            if (values[right] < values[middle]) Swap(values, right, middle);
            var pivot = values[middle];
            var i = left;
            var j = right;
            while (i <= j)
            {
                while (values[i] < pivot) i++;
                while (values[j] > pivot) j--;
                if (i <= j)
                {
                    Swap(values, i, j);
                    i++;
                    j--;
                }
            }

            if (k <= j) right = j;
            else if (k >= i) left = i;
            else return values[k];
        }

        // Small range: insertion sort.
        for (var i = left + 1; i <= right; i++)
        {
            var value = values[i];
            var j = i - 1;
            while (j >= left && values[j] > value)
            {
                values[j + 1] = values[j];
                j--;
            }

            values[j + 1] = value;
        }

        return values[k];
    }

    private static void Swap(Span<int> values, int a, int b) => (values[a], values[b]) = (values[b], values[a]);
}
