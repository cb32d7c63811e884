scontrol show job
