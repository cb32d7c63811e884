sacct -X -n -P --name=sleeper -S today -o JobID,JobName,State,ExitCode,Submit,Start,End
