sbatch -Z --wrap=true
