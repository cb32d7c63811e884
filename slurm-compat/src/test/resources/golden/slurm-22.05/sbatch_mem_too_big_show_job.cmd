scontrol show job 60
