sbatch --mem=100 --mem-per-cpu=50 --wrap=true
