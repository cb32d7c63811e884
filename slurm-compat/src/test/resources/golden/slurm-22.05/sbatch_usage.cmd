sbatch --usage
