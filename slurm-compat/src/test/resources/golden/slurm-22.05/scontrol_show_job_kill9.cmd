scontrol show job 50
