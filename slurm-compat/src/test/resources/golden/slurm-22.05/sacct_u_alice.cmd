sacct -X -u alice -o JobID,User,State
