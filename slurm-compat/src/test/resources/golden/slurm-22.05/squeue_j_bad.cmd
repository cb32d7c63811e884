squeue -j abc
