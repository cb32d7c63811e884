squeue --bogus
