sacct foo
