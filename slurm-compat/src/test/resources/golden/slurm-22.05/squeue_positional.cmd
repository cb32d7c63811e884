squeue foo
