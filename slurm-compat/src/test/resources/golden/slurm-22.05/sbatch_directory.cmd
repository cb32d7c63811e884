sbatch /tmp
