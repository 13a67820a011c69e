namespace Impala.Discovery.Web.Content;

/// <summary>
/// How many commits one import may still evaluate to find last good versions in the history, shared by the commits it
/// evaluates for that, which look up their own refused files at older commits in turn: each is an evaluation of all the
/// content there. What is left over waits for the next import; the verdicts reached are remembered.
/// </summary>
public sealed class CommitBudget(int commits)
{
    private int _left = commits;

    /// <summary>Takes one commit from the budget; false once none is left.</summary>
    public bool TrySpend()
    {
        if (_left == 0)
        {
            return false;
        }

        _left--;
        return true;
    }
}
