sbatch /nonexistent/script.sh
