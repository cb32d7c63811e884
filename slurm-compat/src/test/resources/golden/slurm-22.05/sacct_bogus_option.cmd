sacct --bogus
