sacct
