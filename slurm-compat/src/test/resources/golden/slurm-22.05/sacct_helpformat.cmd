sacct --helpformat
