sbatch -w nosuch --wrap=true
