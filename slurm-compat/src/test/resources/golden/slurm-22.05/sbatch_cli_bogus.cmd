sbatch --bogus --wrap=true
