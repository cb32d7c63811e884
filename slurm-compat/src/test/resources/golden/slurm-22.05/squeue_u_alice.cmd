squeue -u alice
